package org.nnlab.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.ShiftedKernel;
import org.nnlab.engine.tensor.Tensor;

class TrainingMemoryTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void aReluStackKeepsEveryLayersOutputAndInputGradientForEverySample() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new FlattenSpec());
        for (int i = 0; i < 300; i++) {
            layers.add(new ReluSpec());
        }
        layers.add(new DenseSpec(10));
        TrainingMemory m = TrainingMemory.of(new ModelSpec(IMAGE, layers), 1024, 2);
        assertEquals(7850L * 4 * 4, m.weights(), "value, gradient, last good copy, best checkpoint");
        assertEquals(7850L * 2 * 4, m.optimizer(), "Adam's two moments");
        long perSample = 2 * 784 + 10 + 300 * (784 + 784) + (10 + 784);
        assertEquals(perSample * 1024 * 4, m.activations());
        assertEquals(0, m.workspace());
        long arrays = m.weights() + m.optimizer() + m.activations();
        assertEquals(arrays + arrays / 8, m.total());
        assertTrue(m.total() > 2L << 30, "over 2 GB: what stopped the probed server");
    }

    /**
     * A stride-1 convolution does not unfold (ShiftedConv): for backward it keeps each group's input on its
     * padded grid, here one sample per group on a 28 × 28 grid (24 + 5 − 1) plus the run of ones up to the last
     * window corner rounded up to the kernel's tile, instead of 26 rows of 24 × 24 columns: a tenth.
     */
    @Test
    void aStrideOneConvolutionKeepsItsInputOnThePaddedGridNotUnfoldedColumns() {
        ModelSpec conv = ModelSpec.of(IMAGE, Conv2dSpec.of(6, 5), new FlattenSpec(), new DenseSpec(10));
        TrainingMemory m = TrainingMemory.of(conv, 64, 0);
        long image = 28 * 28 + ShiftedKernel.roundUp(23 * 28 + 24, ShiftedKernel.NR);
        long perSample = 2 * 784 + 10 + (6 * 24 * 24 + 784) + (10 + 6 * 24 * 24);
        assertEquals((perSample + image) * 64 * 4, m.activations());
        long unfolded = (perSample + (25 + 1) * 24 * 24) * 64 * 4;
        assertTrue(m.activations() < unfolded * 0.6, m.activations() + " against " + unfolded + " unfolded");
        assertTrue(m.workspace() > 0);
        assertEquals(0, m.optimizer(), "plain SGD keeps nothing");
    }

    /** A stride-2 convolution still unfolds, and keeps every sample's columns, [c·kh·kw + 1, h'·w']. */
    @Test
    void aStrideTwoConvolutionKeepsItsUnfoldedColumns() {
        ModelSpec conv = ModelSpec.of(IMAGE, Conv2dSpec.of(6, 4).withStride(2), new FlattenSpec(), new DenseSpec(10));
        TrainingMemory m = TrainingMemory.of(conv, 64, 0);
        long columns = (16 + 1) * 13 * 13;
        long perSample = 2 * 784 + 10 + (6 * 13 * 13 + 784 + columns) + (10 + 6 * 13 * 13);
        assertEquals(perSample * 64 * 4, m.activations());
    }

    /**
     * An epoch whose last batch is shorter leaves the layers a buffer for each size: every per-sample figure
     * once more for the last batch's samples, but what a convolution keeps for backward, which grows to the
     * larger batch only.
     */
    @Test
    void aShorterLastBatchAddsItsOwnBuffersButNotASecondConvolutionStore() {
        ModelSpec conv = ModelSpec.of(IMAGE, Conv2dSpec.of(6, 5), new FlattenSpec(), new DenseSpec(10));
        long perSample = 2 * 784 + 10 + (6 * 24 * 24 + 784) + (10 + 6 * 24 * 24);
        long full = TrainingMemory.of(conv, 64, 0).activations();
        assertEquals(full, TrainingMemory.of(conv, 64, 0, 0).activations());
        assertEquals(full + perSample * 48 * 4, TrainingMemory.of(conv, 64, 48, 0).activations());
        assertEquals(TrainingMemory.of(conv, 64, 0).workspace(), TrainingMemory.of(conv, 64, 48, 0).workspace());
        assertThrows(IllegalArgumentException.class, () -> TrainingMemory.of(conv, 64, 64, 0));
    }

    /**
     * The estimate against what a convolution really allocates. The heap the calling thread allocates to build
     * a layer and train it on its first batch (on one thread, after a layer of the same shapes has run until a
     * batch allocates nothing, so the thread's packing buffers and the compiled code exist) is its weights and
     * their gradient, their copies as [W | b] and packed, its output, input gradient, what it keeps for
     * backward, its working set and partial weight gradients. The estimate of a network of that one layer,
     * less the mini-batch, its augmented copy and the loss gradient (and the trainer's two weight copies),
     * must agree within 2 % (objects' headers and the shifted path's tables of offsets are not estimated).
     */
    @Test
    void theEstimateOfAConvolutionIsWhatItAllocatesOnBothPaths() {
        assertEstimateMatchesAllocation(Conv2dSpec.of(6, 5).withPadding(2), IMAGE, 64);
        assertEstimateMatchesAllocation(Conv2dSpec.of(16, 5), Shape.of(6, 14, 14), 60);
        assertEstimateMatchesAllocation(Conv2dSpec.of(6, 4).withStride(2), IMAGE, 64);
    }

    private static void assertEstimateMatchesAllocation(Conv2dSpec conv, Shape in, int batch) {
        Shape out = conv.outputShape(in);
        long[] figures = Parallelism.withThreads(1, () -> {
            SplittableRandom rng = new SplittableRandom(3);
            Tensor x = Tensor.uniform(in.withBatch(batch), -1, 1, rng);
            Tensor dy = Tensor.uniform(out.withBatch(batch), -1, 1, rng);
            Layer warm = conv.build(in, rng);
            // until the JIT keeps the kernels' vectors in registers a batch leaves them on the heap by the MB
            long garbage = Long.MAX_VALUE;
            for (int i = 0; i < 400 && garbage > 1024; i++) {
                long start = THREADS.getCurrentThreadAllocatedBytes();
                trainingBatch(warm, x, dy);
                garbage = THREADS.getCurrentThreadAllocatedBytes() - start;
            }
            assertTrue(garbage <= 1024, "a batch of a warm layer still allocates " + garbage + " B");
            long before = THREADS.getCurrentThreadAllocatedBytes();
            trainingBatch(conv.build(in, rng), x, dy);
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            TrainingMemory m = TrainingMemory.of(ModelSpec.of(in, conv), batch, 0);
            // of the weights' four copies the layer makes two, their value and gradient
            long estimate = m.activations() + m.workspace() + m.weights() / 2
                    - (2 * in.size() + out.size()) * batch * TrainingMemory.BYTES;
            return new long[] {allocated, estimate};
        });
        String what = conv + " on " + in + ", batch " + batch + ": allocated " + figures[0] + " B, estimated " + figures[1] + " B";
        assertTrue(Math.abs(figures[1] - figures[0]) <= 0.02 * figures[0], what);
    }

    private static void trainingBatch(Layer layer, Tensor x, Tensor dy) {
        layer.forward(x, Mode.TRAIN);
        layer.backward(dy, true);
    }

    @Test
    void aBlockCostsWhatItsLayersCostAndARecurrentLayerGrowsWithItsSteps() {
        ModelSpec block = ModelSpec.of(IMAGE, new ConvPoolBlockSpec(5, 6, 2, 2, "relu"), new FlattenSpec(), new DenseSpec(10));
        ModelSpec spelled = ModelSpec.of(IMAGE, Conv2dSpec.of(6, 5), new ReluSpec(), MaxPool2dSpec.of(2), new FlattenSpec(),
                new DenseSpec(10));
        assertEquals(TrainingMemory.of(spelled, 32, 2), TrainingMemory.of(block, 32, 2));

        long ten = TrainingMemory.of(ModelSpec.of(Shape.of(10, 8), new LstmSpec(16, false), new DenseSpec(2)), 1, 0).activations();
        long twenty = TrainingMemory.of(ModelSpec.of(Shape.of(20, 8), new LstmSpec(16, false), new DenseSpec(2)), 1, 0).activations();
        assertTrue(twenty > 1.9 * ten && twenty < 2.1 * ten, ten + " then " + twenty);
        assertThrows(SpecException.class, () -> TrainingMemory.of(ModelSpec.of(IMAGE, new DenseSpec(3)), 1, 0));
    }
}
