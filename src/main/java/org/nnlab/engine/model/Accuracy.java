package org.nnlab.engine.model;

import org.nnlab.engine.tensor.Tensor;

/** Classification accuracy: argmax of each row, or for a single output column, output ≥ 0.5 means 1. */
public final class Accuracy {
    private Accuracy() {
    }

    /** Number of rows of {@code output} whose prediction equals the label. */
    public static int correct(Tensor output, int[] labels) {
        int batch = labels.length;
        int cols = output.size() / batch;
        int hits = 0;
        for (int r = 0; r < batch; r++) {
            int predicted = cols == 1 ? (output.get(r) >= 0.5f ? 1 : 0) : output.argmaxRow(r);
            if (predicted == labels[r]) {
                hits++;
            }
        }
        return hits;
    }
}
