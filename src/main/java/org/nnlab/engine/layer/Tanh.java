package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;

/** Hyperbolic tangent: y = tanh(x), dy/dx = 1 − y². Any shape, kept. */
public final class Tanh extends Elementwise {
    public Tanh(LayerSpec spec) {
        super(spec);
    }

    /** {@code exp} costs a few dozen multiply-adds. */
    @Override
    protected long workPerValue() {
        return 64;
    }

    @Override
    protected void apply(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            dx[i] = g[i] * (1 - y[i] * y[i]);
        }
    }
}
