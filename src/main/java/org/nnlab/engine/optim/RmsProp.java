package org.nnlab.engine.optim;

import java.util.List;
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
    /** The parameter being updated (values, gradient, mean squares) and this step's rate. */
    private float[] p;
    private float[] g;
    private float[] s;
    private double lr;

    public RmsProp(double lr, double alpha, double eps, double weightDecay) {
        super(lr);
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
    public void step(List<Param> params) {
        lr = learningRate();
        for (int n = 0; n < params.size(); n++) {
            Param param = params.get(n);
            p = param.value().data();
            g = param.grad().data();
            s = squares.of(param);
            updateAll(p.length, WORK_PER_VALUE);
        }
        p = null;
        g = null;
        s = null;
    }

    @Override
    void update(int from, int to) {
        float[] p = this.p;
        float[] g = this.g;
        float[] s = this.s;
        for (int i = from; i < to; i++) {
            double grad = g[i] + weightDecay * p[i];
            double si = alpha * s[i] + (1 - alpha) * grad * grad;
            s[i] = (float) si;
            p[i] = (float) (p[i] - lr * grad / (Math.sqrt(si) + eps));
        }
    }
}
