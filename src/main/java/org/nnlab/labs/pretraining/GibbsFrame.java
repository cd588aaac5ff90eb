package org.nnlab.labs.pretraining;

/**
 * The Gibbs chains of the lab's RBM after some steps.
 *
 * @param step     steps taken since the chains started (0: the starting images)
 * @param chains   p(v | h) of every chain now (the starting images at step 0), 784 values each
 * @param strip    the first chain after each step so far, oldest first (at most {@link RbmSession#STRIP} pictures)
 */
public record GibbsFrame(int step, float[] chains, float[] strip) {
    public int chainCount() {
        return chains.length / RbmSession.PIXELS;
    }

    public int stripCount() {
        return strip.length / RbmSession.PIXELS;
    }
}
