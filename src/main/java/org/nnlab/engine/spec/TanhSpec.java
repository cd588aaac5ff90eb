package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Tanh;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/** Hyperbolic tangent: y = tanh(x), dy/dx = 1 − y². Any shape, kept. */
@Kind("tanh")
public record TanhSpec() implements ActivationSpec {
    @Override
    public int flopsPerValue() {
        return 4;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new Tanh(this);
    }
}
