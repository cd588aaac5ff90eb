package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;

/** Identity: y = x, dy/dx = 1 (a Dense layer with no activation). Any shape, kept. */
public final class Linear extends Elementwise {
    public Linear(LayerSpec spec) {
        super(spec);
    }

    @Override
    protected void apply(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx) {
        for (int i = 0; i < x.length; i++) {
            dx[i] = g[i];
        }
    }
}
