package org.nnlab.engine.perceptron;

/**
 * One application of the perceptron rule to one sample: the input x, its target t, the net value w·x + b,
 * the output y = H(net), and the weights and bias before and after w ← w + η(t − y)x, b ← b + η(t − y).
 */
public record PerceptronUpdate(float[] input, int target, double net, int output, double[] weightsBefore,
                               double biasBefore, double[] weightsAfter, double biasAfter, double learningRate) {
    /** Whether the sample was misclassified, so the weights moved. */
    public boolean changed() {
        return target != output;
    }

    /** t − y: +1, 0 or −1. */
    public int error() {
        return target - output;
    }
}
