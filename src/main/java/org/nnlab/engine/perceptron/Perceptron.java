package org.nnlab.engine.perceptron;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Rosenblatt's perceptron: one step unit y = H(w·x + b) (a Dense layer of one unit followed by a
 * {@link StepSpec step}), trained sample by sample with w ← w + η(t − y)x, b ← b + η(t − y). Training
 * stops after the first epoch without a mistake, or after a maximum number of epochs; it never loops
 * forever and says which happened.
 */
public final class Perceptron {
    private final Sequential model;
    private final Param weight;
    private final Param bias;
    private final double learningRate;

    /** A perceptron with all weights and the bias starting at 0. */
    public Perceptron(int inputs, double learningRate) {
        if (inputs < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("a perceptron needs at least 1 input and a positive learning rate; got "
                    + inputs + " inputs and rate " + learningRate);
        }
        ModelSpec spec = ModelSpec.of(Shape.of(inputs), new DenseSpec(1, Init.zeros(), Init.zeros()), new StepSpec());
        this.model = Sequential.build(spec, new SplittableRandom(0));
        this.weight = model.params().get(0);
        this.bias = model.params().get(1);
        this.learningRate = learningRate;
    }

    /** A perceptron starting from the given weights (one per input) and bias. */
    public Perceptron(double[] weights, double bias, double learningRate) {
        this(weights.length, learningRate);
        float[] w = weight.value().data();
        for (int j = 0; j < w.length; j++) {
            w[j] = (float) weights[j];
        }
        this.bias.value().data()[0] = (float) bias;
    }

    /** 0 or 1 for one input vector. */
    public int predict(float[] x) {
        Tensor out = model.forward(Tensor.of(Shape.of(1, x.length), x), Mode.INFER);
        return (int) out.get(0);
    }

    /** Trains on the samples (each row of {@code inputs} with target 0 or 1) for at most {@code maxEpochs}. */
    public PerceptronResult train(float[][] inputs, int[] targets, int maxEpochs) {
        if (inputs.length != targets.length || maxEpochs < 1) {
            throw new IllegalArgumentException("need one target per input and at least 1 epoch; got " + inputs.length
                    + " inputs, " + targets.length + " targets, maxEpochs=" + maxEpochs);
        }
        List<Integer> mistakes = new ArrayList<>();
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            int errors = 0;
            for (int i = 0; i < inputs.length; i++) {
                int delta = targets[i] - predict(inputs[i]);
                if (delta != 0) {
                    errors++;
                    update(inputs[i], delta);
                }
            }
            mistakes.add(errors);
            if (errors == 0) {
                return result(true, epoch, mistakes, "converged after " + epoch + " epochs");
            }
        }
        return result(false, maxEpochs, mistakes, "did not converge after " + maxEpochs
                + " epochs: some samples are still misclassified; one perceptron can only separate classes by a line"
                + " (a hyperplane)");
    }

    /** w·x + b for one input vector, the value the step compares with 0. */
    public double net(float[] x) {
        double net = bias.value().get(0);
        for (int j = 0; j < x.length; j++) {
            net += weight.value().get(j) * x[j];
        }
        return net;
    }

    /** Applies the rule to one sample and says what happened: a zero error leaves the weights as they were. */
    public PerceptronUpdate learn(float[] x, int target) {
        double[] before = weights();
        double biasBefore = bias();
        double net = net(x);
        int output = predict(x);
        if (target != output) {
            update(x, target - output);
        }
        return new PerceptronUpdate(x.clone(), target, net, output, before, biasBefore, weights(), bias(), learningRate);
    }

    public double[] weights() {
        double[] w = new double[weight.value().size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = weight.value().get(j);
        }
        return w;
    }

    public double bias() {
        return bias.value().get(0);
    }

    private void update(float[] x, int delta) {
        float[] w = weight.value().data();
        for (int j = 0; j < w.length; j++) {
            w[j] += (float) (learningRate * delta * x[j]);
        }
        bias.value().data()[0] += (float) (learningRate * delta);
    }

    private PerceptronResult result(boolean converged, int epochs, List<Integer> mistakes, String message) {
        return new PerceptronResult(converged, epochs, List.copyOf(mistakes), weights(), bias(), message);
    }

    public Sequential model() {
        return model;
    }
}
