package org.nnlab.engine.backprop;

/**
 * A two-layer sigmoid network with one training sample, in the notation of the classic backpropagation
 * notes. Weight rows belong to the receiving neuron: {@code hiddenWeights[h][i]} joins input i to hidden
 * neuron h, {@code outputWeights[o][h]} joins hidden neuron h to output o. Biases stay fixed. Weights are
 * numbered w1, w2, … row by row, hidden layer first (so w1 = i1→h1, w2 = i2→h1, w5 = h1→o1).
 */
public record WorkedExample(double[] inputs, double[] targets, double[][] hiddenWeights, double[] hiddenBias,
                            double[][] outputWeights, double[] outputBias, double learningRate) {
    public WorkedExample {
        if (hiddenWeights.length != hiddenBias.length || outputWeights.length != outputBias.length
                || outputWeights.length != targets.length) {
            throw new IllegalArgumentException("need one bias per neuron and one target per output");
        }
        for (double[] row : hiddenWeights) {
            requireLength(row, inputs.length, "hidden");
        }
        for (double[] row : outputWeights) {
            requireLength(row, hiddenWeights.length, "output");
        }
    }

    private static void requireLength(double[] row, int expected, String layer) {
        if (row.length != expected) {
            throw new IllegalArgumentException("each " + layer + " neuron needs " + expected + " weights, got " + row.length);
        }
    }

    /** The network of the notes: inputs .05/.10, targets .01/.99, w1..w8 = .15 … .55, biases .35/.60, η = 0.5. */
    public static WorkedExample classic() {
        return new WorkedExample(new double[] {0.05, 0.10}, new double[] {0.01, 0.99},
                new double[][] {{0.15, 0.20}, {0.25, 0.30}}, new double[] {0.35, 0.35},
                new double[][] {{0.40, 0.45}, {0.50, 0.55}}, new double[] {0.60, 0.60}, 0.5);
    }

    /** The same network with other weights. */
    public WorkedExample withWeights(double[][] hidden, double[][] output) {
        return new WorkedExample(inputs, targets, hidden, hiddenBias, output, outputBias, learningRate);
    }
}
