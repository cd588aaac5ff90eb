package org.nnlab.engine.loss;

import org.nnlab.engine.tensor.Tensor;

/**
 * Cross-entropy for a network whose last layer already is a softmax: the outputs p [batch, classes] are
 * probabilities, L = −(1/batch) Σ_r ln p_r[y_r], dL/dp_r[y_r] = −1 / (p_r[y_r] · batch) and 0 elsewhere.
 * p is clamped to at least 1e-7, so a confident wrong answer gives a large but finite loss (no gradient
 * where it was clamped). {@link SoftmaxCrossEntropy} on raw scores is the steadier choice; this one lets
 * a network built with a final softmax train as it is.
 */
public final class ProbabilityCrossEntropy implements Loss {
    private static final double EPS = 1e-7;

    @Override
    public double evaluate(Tensor output, int[] labels, Tensor gradOut) {
        int batch = Losses.requireLabels(output, labels);
        int cols = output.size() / batch;
        float[] p = output.data();
        float[] g = gradOut.data();
        java.util.Arrays.fill(g, 0f);
        double total = 0;
        for (int r = 0; r < batch; r++) {
            Losses.requireClass(labels, r, cols);
            int at = r * cols + labels[r];
            double raw = p[at];
            double q = Math.max(EPS, raw);
            total -= Math.log(q);
            g[at] = q == raw ? (float) (-1 / (q * batch)) : 0f;
        }
        return total / batch;
    }

    @Override
    public String name() {
        return "cross-entropy on probabilities";
    }
}
