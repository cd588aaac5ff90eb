package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;

/** Rectified linear unit: y = max(0, x), dy/dx = 1 for x > 0, else 0. Any shape, kept. */
public final class Relu extends Elementwise {
    public Relu(LayerSpec spec) {
        super(spec);
    }

    @Override
    protected void apply(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0 ? x[i] : 0f;
        }
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx) {
        for (int i = 0; i < x.length; i++) {
            dx[i] = x[i] > 0 ? g[i] : 0f;
        }
    }
}
