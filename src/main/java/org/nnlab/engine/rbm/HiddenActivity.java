package org.nnlab.engine.rbm;

/**
 * How the hidden units respond to a set of inputs: each unit's mean p(h = 1 | v). Units that are almost never
 * on or almost always on carry little information about the input; many of either suggest a learning rate
 * that is too high or too much weight decay.
 *
 * @param meanPerUnit  mean activation of each hidden unit [hidden]
 * @param mean         mean over all units
 * @param rarelyOn     fraction of units whose mean is below {@link #LOW}
 * @param mostlyOn     fraction of units whose mean is above {@link #HIGH}
 */
public record HiddenActivity(float[] meanPerUnit, double mean, double rarelyOn, double mostlyOn) {
    public static final double LOW = 0.01;
    public static final double HIGH = 0.99;

    /** The statistics of hidden probabilities [rows, hidden]. */
    static HiddenActivity of(float[] probabilities, int rows, int hidden) {
        double[] sums = new double[hidden];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < hidden; j++) {
                sums[j] += probabilities[r * hidden + j];
            }
        }
        float[] means = new float[hidden];
        double total = 0;
        int low = 0;
        int high = 0;
        for (int j = 0; j < hidden; j++) {
            means[j] = (float) (sums[j] / rows);
            total += means[j];
            low += means[j] < LOW ? 1 : 0;
            high += means[j] > HIGH ? 1 : 0;
        }
        return new HiddenActivity(means, total / hidden, (double) low / hidden, (double) high / hidden);
    }
}
