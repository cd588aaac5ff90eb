package org.nnlab.labs.pretraining;

/**
 * One point of the lab RBM's curves.
 *
 * @param samples           training images used so far
 * @param trainError        mean reconstruction error of the updates since the previous point (sampled hidden states)
 * @param heldOutError      mean-field reconstruction error of held-out test images
 * @param trainFreeEnergy   mean free energy of training images
 * @param heldOutFreeEnergy mean free energy of the held-out images
 */
public record RbmPoint(long samples, double trainError, double heldOutError, double trainFreeEnergy,
                       double heldOutFreeEnergy) {
}
