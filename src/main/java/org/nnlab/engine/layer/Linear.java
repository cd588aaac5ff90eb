package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;

/** Identity: y = x, dy/dx = 1 (a Dense layer with no activation). Any shape, kept. */
public final class Linear extends Elementwise {
    public Linear(LayerSpec spec) {
        super(spec);
    }

    @Override
    protected void apply(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = x[i];
        }
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            dx[i] = g[i];
        }
    }
}
