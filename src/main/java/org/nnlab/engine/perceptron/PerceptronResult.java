package org.nnlab.engine.perceptron;

import java.util.List;

/**
 * How perceptron training ended: whether an epoch passed without a mistake, the epochs run, the number
 * of misclassified samples in each epoch, the final weights and bias, and a sentence for the user.
 */
public record PerceptronResult(boolean converged, int epochs, List<Integer> mistakesPerEpoch, double[] weights,
                               double bias, String message) {
}
