package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LeakyReluSpec;

/** Leaky ReLU: y = x for x > 0, else slope·x; dy/dx = 1 or slope. Any shape, kept. */
public final class LeakyRelu extends Elementwise {
    private final float slope;

    public LeakyRelu(LeakyReluSpec spec) {
        super(spec);
        this.slope = (float) spec.slope();
    }

    @Override
    protected void apply(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = x[i] > 0 ? x[i] : slope * x[i];
        }
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            dx[i] = x[i] > 0 ? g[i] : slope * g[i];
        }
    }

    @Override
    public String toString() {
        return "LeakyRelu(" + slope + ")";
    }
}
