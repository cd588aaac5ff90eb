package org.nnlab.engine.tensor;

/**
 * The one softmax of the engine: p_j = e^{(z_j − m)/T} / Σ_k e^{(z_k − m)/T} for a row of scores z with
 * its maximum m subtracted (so scores of ±1000 stay finite) and a temperature T (1 for the plain
 * softmax; above 1 flattens, below 1 sharpens). Everything after reading the float scores runs in
 * double and is rounded once at the end. The softmax layer, the fused softmax cross-entropy loss, the
 * digit classifier and character sampling all go through it, so they give the same probabilities.
 */
public final class SoftmaxKernel {
    private SoftmaxKernel() {
    }

    /** A row's maximum, its sum of exponentials and the temperature: enough to give any p_j. */
    public record Row(double max, double sum, double temperature) {
        /** The probability of a score {@code z} of this row. */
        public double p(float z) {
            return Math.exp((z - max) / temperature) / sum;
        }

        /** log Σ_k e^{z_k / T}. */
        public double logSumExp() {
            return Math.log(sum) + max / temperature;
        }
    }

    /** The maximum and the sum of exponentials of {@code z[base, base + cols)} at temperature {@code temperature}. */
    public static Row row(float[] z, int base, int cols, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, z[base + j]);
        }
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            sum += Math.exp((z[base + j] - max) / temperature);
        }
        return new Row(max, sum, temperature);
    }

    /** The probabilities of {@code z[base, base + cols)} at {@code temperature}, in double. */
    public static double[] probabilities(float[] z, int base, int cols, double temperature) {
        Row row = row(z, base, cols, temperature);
        double[] p = new double[cols];
        for (int j = 0; j < cols; j++) {
            p[j] = row.p(z[base + j]);
        }
        return p;
    }

    /** Writes the probabilities (temperature 1) of {@code z[base, base + cols)} into {@code y} from {@code yBase}. */
    public static void probabilities(float[] z, int base, int cols, float[] y, int yBase) {
        Row row = row(z, base, cols, 1);
        for (int j = 0; j < cols; j++) {
            y[yBase + j] = (float) row.p(z[base + j]);
        }
    }
}
