package org.nnlab.engine.optim;

import org.nnlab.engine.layer.Param;

/**
 * Stochastic gradient descent, optionally with momentum, as PyTorch defines it: g ← g + λ·p (L2 weight
 * decay λ), v ← μ·v + g, p ← p − lr·v; with μ = 0 simply p ← p − lr·g.
 */
public final class Sgd extends RateOptimizer {
    /** Rough work of one value's update, to decide how many threads a parameter gets. */
    private static final long WORK_PER_VALUE = 32;
    private final double momentum;
    private final double weightDecay;
    private final ParamState velocity = new ParamState();
    /** This step's velocity per parameter (by its index in the step), null without momentum. */
    private float[][] v = new float[0][];

    public Sgd(double lr, double momentum, double weightDecay) {
        super(lr, WORK_PER_VALUE);
        Hyper.fraction("momentum", momentum);
        Hyper.nonNegative("weight decay", weightDecay);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    public Sgd(double lr) {
        this(lr, 0, 0);
    }

    @Override
    void prepare(int index, Param param) {
        v = room(v, index);
        v[index] = momentum == 0 ? null : velocity.of(param);
    }

    @Override
    void update(int index, float[] p, float[] g, int from, int to) {
        float[] v = this.v[index];
        for (int i = from; i < to; i++) {
            double grad = g[i] + weightDecay * p[i];
            if (v != null) {
                grad = momentum * v[i] + grad;
                v[i] = (float) grad;
            }
            p[i] = (float) (p[i] - lr * grad);
        }
    }
}
