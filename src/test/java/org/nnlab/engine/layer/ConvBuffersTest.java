package org.nnlab.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * An epoch's last batch is usually shorter than the others (MNIST's 54,000 training images in batches of
 * 64 leave 48), and every epoch goes from full batches to that one and back. LeNet's convolutions and
 * poolings keep a buffer for each of the two sizes, so the change neither replaces the full batch's
 * outputs nor allocates anything once both sizes have been seen; and the unfold of a row whose length is
 * not a whole number of vectors (28 and 10 values with 16 lanes) puts nothing on the heap.
 */
class ConvBuffersTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int FULL = 64;
    private static final int LAST = 48;

    @Test
    void outputsAndGradientsOfBothBatchSizesAreKept() {
        SplittableRandom rng = new SplittableRandom(1);
        Layer conv = Conv2dSpec.of(6, 5).withPadding(2).build(Shape.of(1, 28, 28), rng);
        Layer pool = MaxPool2dSpec.of(2).build(Shape.of(6, 28, 28), rng);
        Tensor full = Tensor.uniform(Shape.of(FULL, 1, 28, 28), -1, 1, rng);
        Tensor last = Tensor.uniform(Shape.of(LAST, 1, 28, 28), -1, 1, rng);
        Tensor convFull = conv.forward(full, Mode.TRAIN);
        Tensor poolFull = pool.forward(convFull, Mode.TRAIN);
        Tensor gradFull = pool.backward(poolFull, true);
        conv.forward(last, Mode.TRAIN);
        assertThat(conv.forward(full, Mode.TRAIN)).isSameAs(convFull);
        assertThat(pool.forward(convFull, Mode.TRAIN)).isSameAs(poolFull);
        assertThat(pool.backward(poolFull, true)).isSameAs(gradFull);
    }

    /**
     * A server trains many networks in one JVM. After the other convolution tests (small images, rows
     * shorter than a vector), the unfold's vector loop was left compiled with its vector calls out of line,
     * so every vector of LeNet's rows became an object: 3 MB per pass here. Plain copies cannot do that.
     */
    @Test
    void lenetConvolutionsAndPoolingAllocateNothingWhenBatchSizesAlternate() {
        SplittableRandom rng = new SplittableRandom(2);
        Layer conv1 = Conv2dSpec.of(6, 5).withPadding(2).build(Shape.of(1, 28, 28), rng);
        Layer pool1 = MaxPool2dSpec.of(2).build(Shape.of(6, 28, 28), rng);
        Layer conv2 = Conv2dSpec.of(16, 5).build(Shape.of(6, 14, 14), rng);
        Layer pool2 = MaxPool2dSpec.of(2).build(Shape.of(16, 10, 10), rng);
        Layer[] layers = {conv1, pool1, conv2, pool2};
        Tensor[] inputs = {Tensor.uniform(Shape.of(FULL, 1, 28, 28), -1, 1, rng),
            Tensor.uniform(Shape.of(LAST, 1, 28, 28), -1, 1, rng)};
        double least = Parallelism.withThreads(1, () -> {
            double fewest = Double.MAX_VALUE;
            // the JIT needs a while before it keeps vectors in registers: the cleanest of several windows counts
            for (int window = 0; window < 12 && fewest > 0; window++) {
                long before = THREADS.getCurrentThreadAllocatedBytes();
                for (int step = 0; step < 40; step++) {
                    passes(layers, inputs[step % 2]);
                }
                fewest = Math.min(fewest, (THREADS.getCurrentThreadAllocatedBytes() - before) / 40.0);
            }
            return fewest;
        });
        assertThat(least).as("heap bytes per forward and backward pass").isLessThan(16);
    }

    /** A forward pass through the layers and back, the gradient of the output taken as the output itself. */
    private static void passes(Layer[] layers, Tensor x) {
        Tensor y = x;
        for (Layer layer : layers) {
            y = layer.forward(y, Mode.TRAIN);
        }
        for (int i = layers.length - 1; i >= 0; i--) {
            y = layers[i].backward(y, i > 0);
        }
    }
}
