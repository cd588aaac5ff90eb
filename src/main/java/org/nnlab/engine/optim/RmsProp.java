package org.nnlab.engine.optim;

import java.util.List;
import org.nnlab.engine.layer.Param;

/**
 * RMSprop as PyTorch computes it (not centered, no momentum): g ← g + λ·p, s ← α·s + (1 − α)·g²,
 * p ← p − lr·g / (√s + ε). Defaults α = 0.99, ε = 1e-8.
 */
public final class RmsProp extends RateOptimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final ParamState squares = new ParamState();

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
        double lr = learningRate();
        for (Param param : params) {
            float[] p = param.value().data();
            float[] g = param.grad().data();
            float[] s = squares.of(param);
            for (int i = 0; i < p.length; i++) {
                double grad = g[i] + weightDecay * p[i];
                double si = alpha * s[i] + (1 - alpha) * grad * grad;
                s[i] = (float) si;
                p[i] = (float) (p[i] - lr * grad / (Math.sqrt(si) + eps));
            }
        }
    }
}
