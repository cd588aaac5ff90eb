package org.nnlab.engine.loss;

import org.nnlab.engine.tensor.Tensor;

/**
 * Softmax followed by cross-entropy, fused: for logits z [batch, classes] and labels y,
 * L = (1/batch) Σ_r (logsumexp(z_r) − z_r[y_r]), computed with the row maximum subtracted so logits of
 * ±1000 give a finite loss. Gradient: dL/dz_r = (softmax(z_r) − onehot(y_r)) / batch.
 */
public final class SoftmaxCrossEntropy implements Loss {
    @Override
    public double evaluate(Tensor logits, int[] labels, Tensor gradOut) {
        int batch = Losses.requireLabels(logits, labels);
        int cols = logits.size() / batch;
        float[] z = logits.data();
        float[] g = gradOut.data();
        double total = 0;
        for (int r = 0; r < batch; r++) {
            Losses.requireClass(labels, r, cols);
            int base = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, z[base + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp((double) z[base + j] - max);
            }
            double logSum = Math.log(sum) + max;
            total += logSum - z[base + labels[r]];
            for (int j = 0; j < cols; j++) {
                double p = Math.exp(z[base + j] - logSum);
                g[base + j] = (float) ((p - (j == labels[r] ? 1 : 0)) / batch);
            }
        }
        return total / batch;
    }

    /** The loss alone. */
    public double loss(Tensor logits, int[] labels) {
        return evaluate(logits, labels, Tensor.zeros(logits.shape()));
    }

    @Override
    public String name() {
        return "softmax cross-entropy";
    }
}
