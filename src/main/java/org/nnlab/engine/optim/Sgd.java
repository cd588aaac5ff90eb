package org.nnlab.engine.optim;

import java.util.List;
import org.nnlab.engine.layer.Param;

/**
 * Stochastic gradient descent, optionally with momentum, as PyTorch defines it: g ← g + λ·p (L2 weight
 * decay λ), v ← μ·v + g, p ← p − lr·v; with μ = 0 simply p ← p − lr·g.
 */
public final class Sgd extends RateOptimizer {
    private final double momentum;
    private final double weightDecay;
    private final ParamState velocity = new ParamState();

    public Sgd(double lr, double momentum, double weightDecay) {
        super(lr);
        Hyper.fraction("momentum", momentum);
        Hyper.nonNegative("weight decay", weightDecay);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    public Sgd(double lr) {
        this(lr, 0, 0);
    }

    @Override
    public void step(List<Param> params) {
        double lr = learningRate();
        for (Param param : params) {
            float[] p = param.value().data();
            float[] g = param.grad().data();
            float[] v = momentum == 0 ? null : velocity.of(param);
            for (int i = 0; i < p.length; i++) {
                double grad = g[i] + weightDecay * p[i];
                if (v != null) {
                    grad = momentum * v[i] + grad;
                    v[i] = (float) grad;
                }
                p[i] = (float) (p[i] - lr * grad);
            }
        }
    }
}
