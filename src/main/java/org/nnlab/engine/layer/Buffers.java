package org.nnlab.engine.layer;

import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/** Reuse of per-step tensors and arrays: a layer keeps its last one and gets a new one only when the size changes. */
final class Buffers {
    private Buffers() {
    }

    /** {@code previous} if it already has {@code shape}, else a new zero tensor of that shape. */
    static Tensor reuse(Tensor previous, Shape shape) {
        return previous != null && previous.shape().equals(shape) ? previous : Tensor.zeros(shape);
    }

    /** {@code previous} if it holds at least {@code size} values, else a new array. */
    static float[] atLeast(float[] previous, int size) {
        return previous != null && previous.length >= size ? previous : new float[size];
    }

    /** Checks that a batch tensor is {@code [batch, ...sample]} and returns the batch size. */
    static int batchOf(String layer, Tensor x, Shape sample) {
        Shape s = x.shape();
        if (s.rank() != sample.rank() + 1 || !s.dropFirst().equals(sample)) {
            throw new IllegalArgumentException(layer + ": expected a batch [batch, " + sample.toString().substring(1)
                    + ", got " + s + ": the layer was built for per-sample shape " + sample);
        }
        return s.dim(0);
    }
}
