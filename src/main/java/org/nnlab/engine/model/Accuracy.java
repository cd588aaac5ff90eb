package org.nnlab.engine.model;

import org.nnlab.engine.tensor.Tensor;

/**
 * Classification accuracy: argmax of each row, or for a single output column, output ≥ 0.5 means 1.
 * Outputs per step ([batch, steps, classes]) are judged at their last step (see {@code LastStepLoss}).
 */
public final class Accuracy {
    private Accuracy() {
    }

    /** Number of rows of {@code output} whose prediction equals the label. */
    public static int correct(Tensor output, int[] labels) {
        int batch = labels.length;
        // per-step outputs are read at each sample's last step in place (no copy: this runs every mini-batch)
        int steps = output.shape().rank() == 3 ? output.shape().dim(1) : 1;
        int cols = output.size() / (batch * steps);
        int hits = 0;
        for (int r = 0; r < batch; r++) {
            int row = r * steps + steps - 1;
            int predicted = cols == 1 ? (output.get(row) >= 0.5f ? 1 : 0) : output.argmaxRow(row);
            if (predicted == labels[r]) {
                hits++;
            }
        }
        return hits;
    }

    /** How many classes a network with outputs of {@code sampleOutput} per sample tells apart (2 for one output). */
    public static int classes(org.nnlab.engine.tensor.Shape sampleOutput) {
        return sampleOutput.size() == 1 ? 2 : sampleOutput.dim(sampleOutput.rank() - 1);
    }

    /** The class each sample of {@code output} is given, judged as {@link #correct} does. */
    public static int[] predictions(Tensor output) {
        if (output.shape().rank() == 3) {
            output = org.nnlab.engine.loss.LastStepLoss.lastStep(output);
        }
        int batch = output.shape().dim(0);
        int cols = output.size() / batch;
        int[] predicted = new int[batch];
        for (int r = 0; r < batch; r++) {
            predicted[r] = cols == 1 ? (output.get(r) >= 0.5f ? 1 : 0) : output.argmaxRow(r);
        }
        return predicted;
    }
}
