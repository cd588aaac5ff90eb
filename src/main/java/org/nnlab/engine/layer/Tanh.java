package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;

/** Hyperbolic tangent: y = tanh(x), dy/dx = 1 − y². Any shape, kept. */
public final class Tanh extends Elementwise {
    public Tanh(LayerSpec spec) {
        super(spec);
    }

    @Override
    protected void apply(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx) {
        for (int i = 0; i < x.length; i++) {
            dx[i] = g[i] * (1 - y[i] * y[i]);
        }
    }
}
