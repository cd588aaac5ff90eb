package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;

/** Logistic sigmoid: y = 1 / (1 + e^(−x)), dy/dx = y·(1 − y). Any shape, kept. */
public final class Sigmoid extends Elementwise {
    public Sigmoid(LayerSpec spec) {
        super(spec);
    }

    @Override
    protected void apply(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx) {
        for (int i = 0; i < x.length; i++) {
            dx[i] = g[i] * y[i] * (1 - y[i]);
        }
    }
}
