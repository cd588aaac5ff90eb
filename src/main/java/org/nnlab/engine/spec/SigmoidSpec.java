package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Sigmoid;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/** Logistic sigmoid: y = 1 / (1 + e^(−x)), dy/dx = y·(1 − y). Any shape, kept. */
@Kind("sigmoid")
public record SigmoidSpec() implements ActivationSpec {
    @Override
    public int flopsPerValue() {
        return 4;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new Sigmoid(this);
    }
}
