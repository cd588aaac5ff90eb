package org.nnlab.engine.layer;

import org.nnlab.engine.tensor.Tensor;

/**
 * A layer that computes its backward pass in {@link #backward(Tensor, boolean)}, skipping d(loss)/d(input)
 * when nobody uses it (dense, convolution, recurrent, and chains of them). The plain
 * {@link #backward(Tensor)} is that with the input gradient wanted.
 */
public interface SkippableInputGradient extends Layer {
    @Override
    Tensor backward(Tensor gradOut, boolean inputGradient);

    @Override
    default Tensor backward(Tensor gradOut) {
        return backward(gradOut, true);
    }
}
