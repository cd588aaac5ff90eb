package org.nnlab.engine.spec;

import org.nnlab.engine.tensor.Shape;

/** A layer without parameters that keeps the shape of its input: [any] -> [same]. */
public sealed interface ActivationSpec extends LayerSpec permits SigmoidSpec, TanhSpec, ReluSpec, LeakyReluSpec,
        LinearSpec, StepSpec, SoftmaxSpec, DropoutSpec {
    /** Estimated floating-point operations per value. */
    int flopsPerValue();

    @Override
    default Shape outputShape(Shape input) {
        if (input.size() == 0) {
            throw new SpecException("engine.spec.activation.empty", kind(), input);
        }
        return input;
    }

    @Override
    default long paramCount(Shape input) {
        outputShape(input);
        return 0;
    }

    @Override
    default long flops(Shape input) {
        return (long) outputShape(input).size() * flopsPerValue();
    }
}
