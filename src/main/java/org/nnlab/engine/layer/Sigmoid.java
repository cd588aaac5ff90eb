package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;

/** Logistic sigmoid: y = 1 / (1 + e^(−x)), dy/dx = y·(1 − y). Any shape, kept. */
public final class Sigmoid extends Elementwise {
    public Sigmoid(LayerSpec spec) {
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
            y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            dx[i] = g[i] * y[i] * (1 - y[i]);
        }
    }
}
