package org.nnlab.engine.layer;

import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/** Small checks and buffer handling shared by the layers. */
public final class Layers {
    private Layers() {
    }

    /** The batch size of {@code x}; throws unless {@code x} is {@code [batch, ...sample]}. */
    public static int requireBatch(Layer layer, Tensor x, Shape sample) {
        Shape s = x.shape();
        if (!sample.isSampleOf(s)) {
            throw new IllegalArgumentException(layer + " expects a batch of shape [batch, "
                    + sample.toString().substring(1) + ", got " + s
                    + "; check the layer before it or the data's sample shape");
        }
        return s.dim(0);
    }

    /** {@code current} when it already has {@code shape}, otherwise a new zero tensor of that shape. */
    public static Tensor buffer(Tensor current, Shape shape) {
        return current != null && current.shape().equals(shape) ? current : Tensor.zeros(shape);
    }

    /** {@code current} when it already has shape {@code [batch, ...sample]}, otherwise a new zero tensor of that shape. */
    public static Tensor buffer(Tensor current, int batch, Shape sample) {
        return current != null && current.shape().isBatchOf(batch, sample) ? current : Tensor.zeros(sample.withBatch(batch));
    }
}
