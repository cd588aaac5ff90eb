package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Step;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/**
 * Heaviside step, the perceptron's unit: y = 1 if x ≥ 0, else 0. Trained straight through: backward
 * hands the gradient on unchanged, which with a squared error is the perceptron rule. Any shape, kept.
 */
@Kind("step")
public record StepSpec() implements ActivationSpec {
    @Override
    public int flopsPerValue() {
        return 1;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new Step(this);
    }
}
