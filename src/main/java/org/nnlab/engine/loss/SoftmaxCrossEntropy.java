package org.nnlab.engine.loss;

import org.nnlab.engine.tensor.SoftmaxKernel;
import org.nnlab.engine.tensor.Tensor;

/**
 * Softmax followed by cross-entropy, fused: for logits z [batch, classes] and labels y,
 * L = (1/batch) Σ_r (logsumexp(z_r) − z_r[y_r]), computed with the row maximum subtracted so logits of
 * ±1000 give a finite loss ({@link SoftmaxKernel}). Gradient: dL/dz_r = (softmax(z_r) − onehot(y_r)) / batch.
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
            SoftmaxKernel.Row row = SoftmaxKernel.row(z, base, cols, 1);
            total += row.logSumExp() - z[base + labels[r]];
            for (int j = 0; j < cols; j++) {
                double p = row.p(z[base + j]);
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
