package org.nnlab.engine.rbm;

/**
 * The measures after one epoch of RBM training. The training reconstruction error is the mean over the
 * epoch's updates (with sampled hidden states, as {@link CdStep} reports it); the others are computed after
 * the epoch, deterministically, on fixed monitoring samples of the training and held-out data.
 *
 * @param epoch                    1 for the first epoch
 * @param reconstructionError      mean {@link CdStep#reconstructionError()} over the epoch
 * @param heldOutReconstructionError mean-field reconstruction error of the held-out sample (NaN without one)
 * @param trainFreeEnergy          mean free energy of the training sample
 * @param heldOutFreeEnergy        mean free energy of the held-out sample (NaN without one)
 * @param activity                 hidden activity on the training sample
 */
public record RbmEpoch(int epoch, double reconstructionError, double heldOutReconstructionError, double trainFreeEnergy,
                       double heldOutFreeEnergy, HiddenActivity activity) {
    /** Held-out minus training free energy: near 0 while the RBM generalises, growing as it overfits. */
    public double freeEnergyGap() {
        return heldOutFreeEnergy - trainFreeEnergy;
    }
}
