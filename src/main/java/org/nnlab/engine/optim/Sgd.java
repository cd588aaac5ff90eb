package org.nnlab.engine.optim;

import java.util.List;
import org.nnlab.engine.layer.Param;

/**
 * Stochastic gradient descent, optionally with momentum, as PyTorch defines it: g ← g + λ·p (L2 weight
 * decay λ), v ← μ·v + g, p ← p − lr·v; with μ = 0 simply p ← p − lr·g.
 */
public final class Sgd extends RateOptimizer {
    /** Rough work of one value's update, to decide how many threads a parameter gets. */
    private static final long WORK_PER_VALUE = 16;
    private final double momentum;
    private final double weightDecay;
    private final ParamState velocity = new ParamState();
    /** The parameter being updated (values, gradient, velocity or null) and this step's rate. */
    private float[] p;
    private float[] g;
    private float[] v;
    private double lr;

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
        lr = learningRate();
        for (int n = 0; n < params.size(); n++) {
            Param param = params.get(n);
            p = param.value().data();
            g = param.grad().data();
            v = momentum == 0 ? null : velocity.of(param);
            updateAll(p.length, WORK_PER_VALUE);
        }
        p = null;
        g = null;
        v = null;
    }

    @Override
    void update(int from, int to) {
        float[] p = this.p;
        float[] g = this.g;
        float[] v = this.v;
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
