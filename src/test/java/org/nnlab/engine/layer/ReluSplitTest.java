package org.nnlab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * A ReLU large enough to be cut into pieces for the kernel threads (a first convolution's output) gives
 * exactly the values of the definition, on one thread or several: every value of every piece, the piece
 * ends that are not whole vectors, and the last piece's end.
 */
class ReluSplitTest {
    /** A batch of LeNet's first convolution output, plus an odd tail so pieces do not end on vectors. */
    private static final Shape SHAPE = Shape.of(16, 6, 28, 28 + 5);

    @Test
    void forwardAndBackwardMatchTheDefinitionOnAnyThreadCount() {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = Tensor.uniform(SHAPE, -1, 1, rng);
        x.data()[0] = Float.NaN;
        x.data()[x.size() - 1] = 0.5f;
        Tensor g = Tensor.uniform(SHAPE, -1, 1, rng);
        float[] y = new float[x.size()];
        float[] dx = new float[x.size()];
        for (int i = 0; i < y.length; i++) {
            float v = x.data()[i];
            y[i] = v > 0 ? v : 0f;
            dx[i] = v > 0 ? g.data()[i] : 0f;
        }
        for (int threads : new int[] {1, 2, 3}) {
            Layer relu = new ReluSpec().build(SHAPE.dropFirst(), rng);
            float[][] got = Parallelism.withThreads(threads, () -> new float[][] {
                relu.forward(x, Mode.TRAIN).data().clone(), relu.backward(g, true).data().clone()});
            assertArrayEquals(y, got[0], threads + " threads, forward");
            assertArrayEquals(dx, got[1], threads + " threads, backward");
        }
    }
}
