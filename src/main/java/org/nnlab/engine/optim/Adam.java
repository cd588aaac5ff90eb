package org.nnlab.engine.optim;

import java.util.IdentityHashMap;
import java.util.Map;
import org.nnlab.engine.layer.Param;

/**
 * Adam (Kingma and Ba, 2015) as PyTorch computes it: g ← g + λ·p, m ← β₁m + (1 − β₁)g,
 * v ← β₂v + (1 − β₂)g², m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ), p ← p − lr·m̂ / (√v̂ + ε), with t counted
 * per parameter. Defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
 */
public final class Adam extends RateOptimizer {
    /** Rough work of one value's update (a square root and two divisions), to decide on threads. */
    private static final long WORK_PER_VALUE = 48;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final ParamState first = new ParamState();
    private final ParamState second = new ParamState();
    private final Map<Param, int[]> steps = new IdentityHashMap<>();
    /** This step's moments and bias corrections per parameter (by its index in the step). */
    private float[][] m = new float[0][];
    private float[][] v = new float[0][];
    private double[] correction1 = new double[0];
    private double[] sqrtCorrection2 = new double[0];

    public Adam(double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(lr, WORK_PER_VALUE);
        Hyper.fraction("beta1", beta1);
        Hyper.fraction("beta2", beta2);
        Hyper.positive("epsilon", eps);
        Hyper.nonNegative("weight decay", weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    void prepare(int index, Param param) {
        int t = ++steps.computeIfAbsent(param, k -> new int[1])[0];
        m = room(m, index);
        v = room(v, index);
        correction1 = room(correction1, index);
        sqrtCorrection2 = room(sqrtCorrection2, index);
        correction1[index] = 1 - Math.pow(beta1, t);
        sqrtCorrection2[index] = Math.sqrt(1 - Math.pow(beta2, t));
        m[index] = first.of(param);
        v[index] = second.of(param);
    }

    @Override
    void update(int index, float[] p, float[] g, int from, int to) {
        float[] m = this.m[index];
        float[] v = this.v[index];
        double correction1 = this.correction1[index];
        double sqrtCorrection2 = this.sqrtCorrection2[index];
        for (int i = from; i < to; i++) {
            double grad = g[i] + weightDecay * p[i];
            double mi = beta1 * m[i] + (1 - beta1) * grad;
            double vi = beta2 * v[i] + (1 - beta2) * grad * grad;
            m[i] = (float) mi;
            v[i] = (float) vi;
            p[i] = (float) (p[i] - lr / correction1 * mi / (Math.sqrt(vi) / sqrtCorrection2 + eps));
        }
    }
}
