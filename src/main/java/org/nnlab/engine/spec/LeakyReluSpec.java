package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.LeakyRelu;
import org.nnlab.engine.tensor.Shape;

/** Leaky ReLU with the given slope for negative inputs (0.01 is common; 0 gives plain ReLU). */
@Kind("leaky_relu")
public record LeakyReluSpec(double slope) implements ActivationSpec {
    public LeakyReluSpec {
        if (!(slope >= 0 && slope < 1)) {
            throw new SpecException("engine.spec.leakyRelu.slope", slope);
        }
    }

    public LeakyReluSpec() {
        this(0.01);
    }

    @Override
    public int flopsPerValue() {
        return 1;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new LeakyRelu(this);
    }
}
