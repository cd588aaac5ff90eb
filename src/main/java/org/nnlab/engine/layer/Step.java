package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;

/** Heaviside step, the perceptron's unit: y = 1 if x ≥ 0, else 0; dy/dx = 0 (it cannot be trained by gradients). Any shape, kept. */
public final class Step extends Elementwise {
    public Step(LayerSpec spec) {
        super(spec);
    }

    @Override
    protected void apply(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] >= 0 ? 1f : 0f;
        }
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx) {
        for (int i = 0; i < x.length; i++) {
            dx[i] = 0f;
        }
    }
}
