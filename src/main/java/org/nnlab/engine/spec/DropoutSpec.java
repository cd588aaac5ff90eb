package org.nnlab.engine.spec;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Dropout;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/** Dropout with the given drop probability while training (0.5 for hidden layers is classic). Shape kept. */
@Kind("dropout")
public record DropoutSpec(double rate) implements ActivationSpec {
    public DropoutSpec {
        if (!(rate >= 0 && rate < 1)) {
            throw new SpecException("engine.spec.dropout.rate", rate);
        }
    }

    @Override
    public int flopsPerValue() {
        return 1;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new Dropout(this, new SplittableRandom(rng.nextLong()));
    }
}
