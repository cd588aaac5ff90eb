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

    /**
     * A buffer of {@code shape}: {@code current} when it has that shape, else the tensor paired with it
     * when that one has it (the buffer of the other batch size, when an epoch's last batch is shorter),
     * else a new zero tensor paired with {@code current}. A reused buffer keeps its old contents.
     */
    public static Tensor buffer(Tensor current, Shape shape) {
        if (current != null && current.shape().equals(shape)) {
            return current;
        }
        Tensor other = current == null ? null : current.alternate();
        return other != null && other.shape().equals(shape) ? other : paired(current, Tensor.zeros(shape));
    }

    /** Like {@link #buffer(Tensor, Shape)} for shape {@code [batch, ...sample]}, without building that shape when a buffer fits. */
    public static Tensor buffer(Tensor current, int batch, Shape sample) {
        if (current != null && current.shape().isBatchOf(batch, sample)) {
            return current;
        }
        Tensor other = current == null ? null : current.alternate();
        return other != null && other.shape().isBatchOf(batch, sample) ? other
                : paired(current, Tensor.zeros(sample.withBatch(batch)));
    }

    private static Tensor paired(Tensor current, Tensor made) {
        if (current != null) {
            made.pairWith(current);
        }
        return made;
    }
}
