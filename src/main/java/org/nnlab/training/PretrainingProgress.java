package org.nnlab.training;

import java.io.Serializable;
import java.util.List;

/**
 * Where a run's layer-wise pretraining is, for the Train page: which RBM trains, how far, its reconstruction
 * error so far (one curve per layer) and what its hidden units respond to, as 28×28 pictures when the input is
 * an image (for a higher layer: its weights seen through the layers below, W₁·…·W_k).
 *
 * @param layer     the RBM being trained (0 = bottom); {@code layers} once done
 * @param layers    RBMs in the stack, one per hidden Dense + Sigmoid pair
 * @param epoch     epochs done of the current layer
 * @param epochs    epochs per layer
 * @param fraction  of all the pretraining done, in [0, 1]
 * @param curve     mean reconstruction error of each group of updates, every layer, in order
 * @param filters   what some hidden units of the current layer respond to; null when the input is not an image
 */
public record PretrainingProgress(int layer, int layers, int epoch, int epochs, double fraction, List<ErrorPoint> curve,
                                  JobSnapshot.Filters filters) implements Serializable {
    /** One point of a layer's reconstruction-error curve: after {@code samples} of that layer's training images. */
    public record ErrorPoint(int layer, long samples, double error) implements Serializable {
    }

    public boolean isDone() {
        return layer >= layers;
    }
}
