package org.nnlab.engine.loss;

import org.nnlab.engine.tensor.Tensor;

/** Turns integer labels into target tensors for losses that compare values. */
final class Targets {
    private Targets() {
    }

    /**
     * Targets shaped like {@code output} ({@code [batch, columns]}): with one column the label itself
     * (0 or 1 for a binary task), with more columns a one-hot row.
     */
    public static Tensor fromLabels(int[] labels, Tensor output) {
        int batch = Losses.requireLabels(output, labels);
        int cols = output.size() / batch;
        Tensor t = Tensor.zeros(output.shape());
        float[] d = t.data();
        for (int r = 0; r < batch; r++) {
            if (cols == 1) {
                d[r] = labels[r];
            } else {
                Losses.requireClass(labels, r, cols);
                d[r * cols + labels[r]] = 1f;
            }
        }
        return t;
    }
}
