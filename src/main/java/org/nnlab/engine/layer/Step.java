package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;

/**
 * Heaviside step, the perceptron's unit: y = 1 if x ≥ 0, else 0. Its true slope is 0 almost everywhere,
 * so backward passes the incoming gradient through unchanged instead (a straight-through estimate). With
 * a squared error on the step's output this makes one gradient step on a Dense + Step unit exactly the
 * perceptron rule w ← w + η(t − y)x (see {@link org.nnlab.engine.loss.LossChoice}). Any shape, kept.
 */
public final class Step extends Elementwise {
    public Step(LayerSpec spec) {
        super(spec);
    }

    @Override
    protected void apply(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = x[i] >= 0 ? 1f : 0f;
        }
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
        System.arraycopy(g, from, dx, from, to - from);
    }
}
