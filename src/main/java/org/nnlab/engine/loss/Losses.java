package org.nnlab.engine.loss;

import org.nnlab.engine.tensor.Tensor;

/** Argument checks shared by the losses. */
final class Losses {
    private Losses() {
    }

    /** The batch size; throws unless there is one label per row of {@code output}. */
    static int requireLabels(Tensor output, int[] labels) {
        int batch = output.shape().dim(0);
        if (labels.length != batch) {
            throw new IllegalArgumentException("the batch has " + batch + " outputs but " + labels.length
                    + " labels; give one label per sample");
        }
        return batch;
    }

    static void requireClass(int[] labels, int row, int classes) {
        if (labels[row] < 0 || labels[row] >= classes) {
            throw new IllegalArgumentException("label " + labels[row] + " of sample " + row + " is outside 0.."
                    + (classes - 1) + "; the last layer has " + classes + " outputs, one per class");
        }
    }

    static void requireSameShape(Tensor output, Tensor target, Tensor gradOut) {
        if (!output.shape().equals(target.shape()) || !output.shape().equals(gradOut.shape())) {
            throw new IllegalArgumentException("output " + output.shape() + ", target " + target.shape()
                    + " and gradient " + gradOut.shape() + " must have the same shape");
        }
    }
}
