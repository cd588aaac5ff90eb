package org.nnlab.engine.loss;

import org.nnlab.engine.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities p (e.g. sigmoid outputs) and targets t in [0, 1], same shape:
 * L = −(1/N) Σ [t·ln p + (1 − t)·ln(1 − p)], dL/dp = (p − t) / (p(1 − p)) / N. p is clamped to
 * [1e-7, 1 − 1e-7] so a saturated output gives a large but finite loss (the gradient is 0 where clamped).
 */
public final class BinaryCrossEntropy implements Loss {
    private static final double EPS = 1e-7;

    public double evaluate(Tensor output, Tensor target, Tensor gradOut) {
        Losses.requireSameShape(output, target, gradOut);
        float[] p = output.data();
        float[] t = target.data();
        float[] g = gradOut.data();
        int n = p.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double raw = p[i];
            double q = Math.min(1 - EPS, Math.max(EPS, raw));
            sum -= t[i] * Math.log(q) + (1 - t[i]) * Math.log(1 - q);
            g[i] = q == raw ? (float) ((q - t[i]) / (q * (1 - q)) / n) : 0f;
        }
        return sum / n;
    }

    @Override
    public double evaluate(Tensor output, int[] labels, Tensor gradOut) {
        return evaluate(output, Targets.fromLabels(labels, output), gradOut);
    }

    @Override
    public String name() {
        return "binary cross-entropy";
    }
}
