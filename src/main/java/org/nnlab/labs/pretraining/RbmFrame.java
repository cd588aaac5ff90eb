package org.nnlab.labs.pretraining;

import java.util.List;

/**
 * A picture of the lab's RBM at one moment, for the page.
 *
 * @param epoch           epochs completed
 * @param epochs          epochs the run has
 * @param samplesSeen     training images used so far (updates × batch size)
 * @param training        whether it is training now
 * @param done            whether every epoch is done
 * @param hidden          hidden units
 * @param filters         each hidden unit's 784 weights, unit after unit, each scaled to its largest magnitude
 * @param originals       the test digits that are reconstructed, 784 values each
 * @param reconstructions their mean-field reconstructions p(v | p(h | v)), in the same order
 * @param curve           the measures so far, oldest first
 */
public record RbmFrame(int epoch, int epochs, long samplesSeen, boolean training, boolean done, int hidden,
                       float[] filters, float[] originals, float[] reconstructions, List<RbmPoint> curve) {

    /** Reconstruction digits shown. */
    public int digits() {
        return originals.length / RbmSession.PIXELS;
    }
}
