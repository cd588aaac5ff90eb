package org.nnlab.engine.layer;

import org.nnlab.engine.tensor.Tensor;

/**
 * A learnable tensor and its gradient, side by side, with the same shape. Backward passes add into
 * {@code grad}; the optimizer reads it and the trainer zeroes it between steps.
 */
public record Param(String name, Tensor value, Tensor grad) {
    public Param {
        if (!value.shape().equals(grad.shape())) {
            throw new IllegalArgumentException("parameter " + name + ": value " + value.shape()
                    + " and gradient " + grad.shape() + " differ");
        }
    }

    public static Param of(String name, Tensor value) {
        return new Param(name, value, Tensor.zeros(value.shape()));
    }

    public void zeroGrad() {
        grad.fill(0f);
    }
}
