package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Linear;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/** Identity: y = x, dy/dx = 1 (a Dense layer with no activation). Any shape, kept. */
@Kind("linear")
public record LinearSpec() implements ActivationSpec {
    @Override
    public int flopsPerValue() {
        return 0;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new Linear(this);
    }
}
