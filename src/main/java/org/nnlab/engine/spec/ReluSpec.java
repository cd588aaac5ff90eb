package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Relu;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/** Rectified linear unit: y = max(0, x), dy/dx = 1 for x > 0, else 0. Any shape, kept. */
@Kind("relu")
public record ReluSpec() implements ActivationSpec {
    @Override
    public int flopsPerValue() {
        return 1;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new Relu(this);
    }
}
