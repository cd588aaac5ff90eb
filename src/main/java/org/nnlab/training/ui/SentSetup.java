package org.nnlab.training.ui;

import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.ModelSpec;

/**
 * A training setup sent to this browser by someone else (a workshop's instructor), for the Train page to
 * preload: put it into the session attribute {@link TrainingDashboardView#SETUP_ATTRIBUTE} and open
 * {@code train}. The page takes it once, fills in its form and says who sent it; the person presses Start.
 *
 * @param sender      who sent it, as the banner names them
 * @param networkName a Train page preset's name, or any other name for {@code spec} as a custom network
 * @param dataSize    samples to train on (0: all); a data set the page does not offer leaves its choice as it is
 */
public record SentSetup(String sender, String networkName, ModelSpec spec, String dataset, int dataSize,
                        OptimizerKind optimizer, double learningRate, int batchSize, int epochs, long seed) {
}
