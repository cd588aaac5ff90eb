package org.nnlab.engine.optim;

import org.nnlab.engine.layer.Param;

/**
 * RMSprop as PyTorch computes it (not centered, no momentum): g ← g + λ·p, s ← α·s + (1 − α)·g²,
 * p ← p − lr·g / (√s + ε). Defaults α = 0.99, ε = 1e-8.
 */
public final class RmsProp extends RateOptimizer {
    /** Rough work of one value's update (a square root and a division), to decide on threads. */
    private static final long WORK_PER_VALUE = 32;
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final ParamState squares = new ParamState();
    /** This step's mean squares per parameter (by its index in the step). */
    private float[][] s = new float[0][];

    public RmsProp(double lr, double alpha, double eps, double weightDecay) {
        super(lr, WORK_PER_VALUE);
        Hyper.fraction("alpha", alpha);
        Hyper.positive("epsilon", eps);
        Hyper.nonNegative("weight decay", weightDecay);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    public RmsProp(double lr) {
        this(lr, 0.99, 1e-8, 0);
    }

    @Override
    void prepare(int index, Param param) {
        s = room(s, index);
        s[index] = squares.of(param);
    }

    @Override
    void update(int index, float[] p, float[] g, int from, int to) {
        float[] s = this.s[index];
        for (int i = from; i < to; i++) {
            double grad = g[i] + weightDecay * p[i];
            double si = alpha * s[i] + (1 - alpha) * grad * grad;
            s[i] = (float) si;
            p[i] = (float) (p[i] - lr * grad / (Math.sqrt(si) + eps));
        }
    }
}
