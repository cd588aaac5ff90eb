package org.nnlab.engine.backprop;

import java.util.ArrayList;
import java.util.List;

/**
 * Backpropagation written out for a {@link WorkedExample}, in double precision, for display: sigmoid
 * neurons, E = Σ ½(t − out)², plain gradient descent on the weights (biases fixed).
 */
public final class BackpropTrace {
    private BackpropTrace() {
    }

    /** One forward pass, backward pass and update, with every intermediate value. */
    public static BackpropStep step(WorkedExample ex) {
        int nHidden = ex.hiddenWeights().length;
        int nOut = ex.outputWeights().length;
        List<NeuronTrace> hidden = layer("h", ex.inputs(), ex.hiddenWeights(), ex.hiddenBias());
        double[] hiddenOut = hidden.stream().mapToDouble(NeuronTrace::out).toArray();
        List<NeuronTrace> outputs = layer("o", hiddenOut, ex.outputWeights(), ex.outputBias());
        List<Double> errors = new ArrayList<>();
        double[] delta = new double[nOut];
        List<WeightTrace> outputTraces = new ArrayList<>();
        double[][] newOutput = new double[nOut][nHidden];
        int w = nHidden * ex.inputs().length + 1;
        for (int o = 0; o < nOut; o++) {
            double out = outputs.get(o).out();
            double t = ex.targets()[o];
            errors.add(0.5 * (t - out) * (t - out));
            double dEdOut = out - t;
            double dOutdNet = out * (1 - out);
            delta[o] = dEdOut * dOutdNet;
            for (int h = 0; h < nHidden; h++) {
                WeightTrace tr = trace(w++, "h" + (h + 1), "o" + (o + 1), ex.outputWeights()[o][h], dEdOut, dOutdNet,
                        hiddenOut[h], ex.learningRate());
                outputTraces.add(tr);
                newOutput[o][h] = tr.after();
            }
        }
        List<WeightTrace> hiddenTraces = new ArrayList<>();
        double[][] newHidden = new double[nHidden][ex.inputs().length];
        w = 1;
        for (int h = 0; h < nHidden; h++) {
            double dEdOut = 0;
            for (int o = 0; o < nOut; o++) {
                dEdOut += delta[o] * ex.outputWeights()[o][h];
            }
            double out = hiddenOut[h];
            for (int i = 0; i < ex.inputs().length; i++) {
                WeightTrace tr = trace(w++, "i" + (i + 1), "h" + (h + 1), ex.hiddenWeights()[h][i], dEdOut,
                        out * (1 - out), ex.inputs()[i], ex.learningRate());
                hiddenTraces.add(tr);
                newHidden[h][i] = tr.after();
            }
        }
        double total = errors.stream().mapToDouble(Double::doubleValue).sum();
        return new BackpropStep(hidden, outputs, List.copyOf(errors), total, outputTraces, hiddenTraces,
                ex.withWeights(newHidden, newOutput));
    }

    /** Runs {@code steps} updates and returns the last network with its forward pass (E_total and outputs). */
    public static BackpropStep train(WorkedExample ex, int steps) {
        WorkedExample current = ex;
        for (int s = 0; s < steps; s++) {
            current = step(current).updated();
        }
        return step(current);
    }

    /**
     * E_total before each of {@code steps} updates and after the last: {@code steps + 1} values, the last one
     * equal to {@code train(ex, steps).totalError()}.
     */
    public static double[] errorCurve(WorkedExample ex, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, got " + steps);
        }
        double[] errors = new double[steps + 1];
        WorkedExample current = ex;
        for (int s = 0; s <= steps; s++) {
            BackpropStep step = step(current);
            errors[s] = step.totalError();
            current = step.updated();
        }
        return errors;
    }

    private static List<NeuronTrace> layer(String prefix, double[] x, double[][] weights, double[] bias) {
        List<NeuronTrace> neurons = new ArrayList<>();
        for (int n = 0; n < weights.length; n++) {
            double net = bias[n];
            for (int i = 0; i < x.length; i++) {
                net += weights[n][i] * x[i];
            }
            neurons.add(new NeuronTrace(prefix + (n + 1), net, 1 / (1 + Math.exp(-net))));
        }
        return neurons;
    }

    private static WeightTrace trace(int number, String from, String to, double before, double dEdOut, double dOutdNet,
                                     double dNetdW, double lr) {
        double gradient = dEdOut * dOutdNet * dNetdW;
        return new WeightTrace("w" + number, from, to, before, dEdOut, dOutdNet, dNetdW, gradient, before - lr * gradient);
    }
}
