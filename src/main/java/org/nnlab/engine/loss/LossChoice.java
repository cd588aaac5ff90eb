package org.nnlab.engine.loss;

import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * The loss a classifier of one label per sample trains with, read from its spec: a final step (the
 * perceptron's 0/1 answer) takes the mean squared error, whose gradient (y − t) passed straight through
 * the step makes gradient descent the perceptron rule (cross-entropy is flat on outputs of exactly 0 and 1,
 * so it would never move a step's weights); one output (a yes/no
 * answer, e.g. after a sigmoid) takes binary cross-entropy; a final softmax layer cross-entropy on its
 * probabilities; raw scores softmax cross-entropy; and outputs per step ([steps, classes]) are scored at
 * their last step.
 */
public final class LossChoice {
    private LossChoice() {
    }

    public static Loss forModel(ModelSpec spec) {
        Shape out = spec.outputShape();
        if (!spec.layers().isEmpty() && spec.layers().getLast() instanceof StepSpec) {
            return new MeanSquaredError(MeanSquaredError.Form.MEAN);
        }
        if (out.size() == 1) {
            return new BinaryCrossEntropy();
        }
        Loss perSample = spec.layers().getLast() instanceof SoftmaxSpec ? new ProbabilityCrossEntropy()
                : new SoftmaxCrossEntropy();
        return out.rank() == 2 ? new LastStepLoss(perSample) : perSample;
    }
}
