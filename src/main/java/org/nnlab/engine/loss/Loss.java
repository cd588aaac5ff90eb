package org.nnlab.engine.loss;

import org.nnlab.engine.tensor.Tensor;

/**
 * A training objective for a batch of outputs {@code [batch, ...]} and one integer label per sample.
 * {@link #evaluate} returns the loss and writes d(loss)/d(output) into {@code gradOut} (same shape as
 * the output), so the trainer can reuse one gradient buffer.
 */
public interface Loss {
    double evaluate(Tensor output, int[] labels, Tensor gradOut);

    /** A short name for the user, e.g. "softmax cross-entropy". */
    String name();
}
