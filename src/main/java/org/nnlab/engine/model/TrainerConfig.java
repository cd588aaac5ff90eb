package org.nnlab.engine.model;

/**
 * Settings of a training run: epochs, mini-batch size, the fraction held out for validation (0 for
 * none), the seed of the split and of the shuffling, a {@code BatchDone} event every {@code eventEvery}
 * steps, and the maximum global gradient norm ({@code 0} for no clipping).
 */
public record TrainerConfig(int epochs, int batchSize, double validationFraction, long seed, int eventEvery,
                            double clipNorm) {
    public TrainerConfig {
        if (epochs < 1 || batchSize < 1 || eventEvery < 1) {
            throw new IllegalArgumentException("epochs, batch size and event interval must be at least 1, got epochs="
                    + epochs + ", batchSize=" + batchSize + ", eventEvery=" + eventEvery);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (!(clipNorm >= 0)) {
            throw new IllegalArgumentException("clip norm must be 0 (off) or positive, got " + clipNorm);
        }
    }

    public static TrainerConfig of(int epochs, int batchSize, long seed) {
        return new TrainerConfig(epochs, batchSize, 0, seed, 10, 0);
    }
}
