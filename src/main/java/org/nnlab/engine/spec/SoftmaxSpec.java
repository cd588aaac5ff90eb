package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Softmax;
import org.nnlab.engine.tensor.Shape;

/** Softmax over the last dimension: turns scores into probabilities that sum to 1. Shape kept. */
@Kind("softmax")
public record SoftmaxSpec() implements ActivationSpec {
    @Override
    public int flopsPerValue() {
        return 5;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new Softmax(this);
    }
}
