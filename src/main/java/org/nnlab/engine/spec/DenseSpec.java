package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Dense;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;

/**
 * A fully connected layer of {@code units} neurons: {@code [in] -> [units]}, with {@code in·units} weights
 * drawn by {@code weightInit} and {@code units} biases drawn by {@code biasInit}.
 */
@Kind("dense")
public record DenseSpec(int units, Init weightInit, Init biasInit) implements LayerSpec {
    public DenseSpec {
        if (units < 1) {
            throw new SpecException("engine.spec.dense.units", units);
        }
        if (weightInit == null || biasInit == null) {
            throw new SpecException("engine.spec.dense.init");
        }
        biasInit.requireFits(Shape.of(units), Message.of("engine.spec.init.bias"));
    }

    /** Glorot-uniform weights and zero biases. */
    public DenseSpec(int units) {
        this(units, Init.glorot(), Init.zeros());
    }

    @Override
    public Shape outputShape(Shape input) {
        inputSize(input);
        return Shape.of(units);
    }

    /** The number of input features; throws unless the input is flat. */
    public int inputSize(Shape input) {
        if (input.rank() != 1) {
            throw new SpecException("engine.spec.dense.flat", input);
        }
        weightInit.requireFits(Shape.of(input.dim(0), units), Message.of("engine.spec.init.weights"));
        return input.dim(0);
    }

    @Override
    public long paramCount(Shape input) {
        return (long) inputSize(input) * units + units;
    }

    @Override
    public long flops(Shape input) {
        return 2L * inputSize(input) * units + units;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        return new Dense(this, inputSize(input), rng);
    }
}
