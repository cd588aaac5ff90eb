package org.nnlab.labs.pretraining;

/**
 * One finished run of the DBN experiment.
 *
 * @param labels        labelled training images it was fine-tuned on
 * @param pretrained    whether its hidden layers started from the pretrained RBMs (otherwise from Glorot-random weights)
 * @param epochs        passes over those images
 * @param updates       mini-batch updates made
 * @param accuracy      fraction of the test images it classifies right
 * @param gradientNorms mean L2 norm of each Dense layer's weight and bias gradient over all updates, bottom first
 * @param seconds       wall-clock time of the run on this server (shared with everything else running)
 */
public record ExperimentRow(int labels, boolean pretrained, int epochs, int updates, double accuracy,
                            double[] gradientNorms, double seconds) {
}
