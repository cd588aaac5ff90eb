package org.nnlab.engine.rbm;

/**
 * How an {@link Rbm} is trained by {@link ContrastiveDivergence}.
 *
 * @param gibbsSteps    k of CD-k: Gibbs steps of the negative chain per update (1 is the classic choice)
 * @param persistent    persistent CD: the negative chain continues from where the previous update left it,
 *                      instead of restarting at the data
 * @param learningRate  step size of the gradient ascent on the log-likelihood
 * @param momentum      fraction of the previous update added to the next, in [0, 1)
 * @param weightDecay   L2 penalty on the weights (not the biases)
 * @param batchSize     samples per update; also the number of chains persistent CD keeps
 * @param sampleVisible whether the chain samples binary visible states; false uses their probabilities,
 *                      which lowers the noise of the negative statistics
 */
public record RbmConfig(int gibbsSteps, boolean persistent, double learningRate, double momentum, double weightDecay,
                        int batchSize, boolean sampleVisible) {
    public RbmConfig {
        if (gibbsSteps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("RBM training needs at least 1 Gibbs step and a batch of at least 1,"
                    + " got gibbsSteps=" + gibbsSteps + ", batchSize=" + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("RBM learning rate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("RBM momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("RBM weight decay must be 0 or positive, got " + weightDecay);
        }
    }

    /** CD-k with the given learning rate, momentum 0.5, weight decay 0.0002, batch 64, visible probabilities. */
    public static RbmConfig cd(int k, double learningRate) {
        return new RbmConfig(k, false, learningRate, 0.5, 0.0002, 64, false);
    }

    /** Persistent CD with k steps per update and otherwise the settings of {@link #cd}. */
    public static RbmConfig persistentCd(int k, double learningRate) {
        return cd(k, learningRate).withPersistent(true);
    }

    public RbmConfig withPersistent(boolean p) {
        return new RbmConfig(gibbsSteps, p, learningRate, momentum, weightDecay, batchSize, sampleVisible);
    }

    public RbmConfig withMomentum(double m) {
        return new RbmConfig(gibbsSteps, persistent, learningRate, m, weightDecay, batchSize, sampleVisible);
    }

    public RbmConfig withWeightDecay(double decay) {
        return new RbmConfig(gibbsSteps, persistent, learningRate, momentum, decay, batchSize, sampleVisible);
    }

    public RbmConfig withBatchSize(int size) {
        return new RbmConfig(gibbsSteps, persistent, learningRate, momentum, weightDecay, size, sampleVisible);
    }

    public RbmConfig withSampleVisible(boolean sample) {
        return new RbmConfig(gibbsSteps, persistent, learningRate, momentum, weightDecay, batchSize, sample);
    }

    /** "CD-1", "PCD-5", … */
    public String algorithm() {
        return (persistent ? "PCD-" : "CD-") + gibbsSteps;
    }
}
