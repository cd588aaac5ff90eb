package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Flatten;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/** Lays any input out flat, row-major: {@code [c, h, w] -> [c·h·w]}. No parameters, no arithmetic. */
@Kind("flatten")
public record FlattenSpec() implements LayerSpec {
    @Override
    public Shape outputShape(Shape input) {
        if (input.size() == 0) {
            throw new SpecException("engine.spec.flatten.empty", input);
        }
        return Shape.of(input.size());
    }

    @Override
    public long paramCount(Shape input) {
        outputShape(input);
        return 0;
    }

    @Override
    public long flops(Shape input) {
        outputShape(input);
        return 0;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new Flatten(this, input);
    }
}
