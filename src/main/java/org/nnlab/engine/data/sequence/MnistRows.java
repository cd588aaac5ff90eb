package org.nnlab.engine.data.sequence;

import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * MNIST read as a sequence: each image [1, 28, 28] becomes 28 steps (rows, top to bottom) of 28 pixel
 * values. A view: the returned tensor shares the image data, nothing is copied.
 */
public final class MnistRows {
    private MnistRows() {
    }

    /** [n, 1, h, w] (or [n, h, w]) images → [n, h, w] sequences of h steps with w features. */
    public static Tensor view(Tensor images) {
        Shape s = images.shape();
        if (s.rank() == 4 && s.dim(1) == 1) {
            return images.reshape(Shape.of(s.dim(0), s.dim(2), s.dim(3)));
        }
        if (s.rank() == 3) {
            return images;
        }
        throw new IllegalArgumentException("MnistRows: expects grey images [n, 1, height, width], got " + s);
    }

    /** Images with their digit labels as a sequence-classification set (one label per sequence). */
    public static LabeledSequences of(Tensor images, int[] labels) {
        return new LabeledSequences(view(images), labels, 10, 1);
    }
}
