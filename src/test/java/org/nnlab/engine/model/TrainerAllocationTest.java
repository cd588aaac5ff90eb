package org.nnlab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.nnlab.engine.data.Augmentation;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.optim.Optimizer;
import org.nnlab.engine.optim.RmsProp;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Once training is warm, a mini-batch allocates nothing on the heap: not in the layers, the products and
 * their hand-off to the kernel threads, the optimizer, nor the augmentation. Counted with the JVM's
 * per-thread allocation counters of the training thread and the engine's kernel threads (the others in
 * this JVM belong to the test runner) over windows of batches within one epoch (an epoch's end
 * evaluates and reports, which may allocate). Not timed: the JIT needs a while before it removes the
 * short-lived objects it can, so the test looks at successive windows and asks that one of them is
 * clean; a per-batch object anywhere would show in every window.
 */
class TrainerAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Small images keep the data small; the wide layer makes the products and the optimizer use both threads. */
    private static final ModelSpec NET = ModelSpec.of(Shape.of(1, 8, 8), new FlattenSpec(), new DenseSpec(1200),
            new ReluSpec(), new DenseSpec(10));
    private static final int BATCH = 64;
    private static final int WINDOW = 200;
    private static final int WINDOWS = 10;
    /** Bytes per batch allowed: a hand-off object now and then (a kernel thread still leaving the last one). */
    private static final double LIMIT = 8;

    /** Convolution, pooling and a dense layer: the LeNet kinds at a small size. */
    private static final ModelSpec CONV = ModelSpec.of(Shape.of(1, 8, 8), Conv2dSpec.of(6, 3), new ReluSpec(),
            MaxPool2dSpec.of(2), new FlattenSpec(), new DenseSpec(10));
    /** An LSTM reading the 8 rows of an image as 8 steps. */
    private static final ModelSpec LSTM = ModelSpec.of(Shape.of(8, 8), new LstmSpec(64, false), new DenseSpec(10));
    /** The same read both ways: the two directions run side by side, each on its half of the threads. */
    private static final ModelSpec BILSTM = ModelSpec.of(Shape.of(8, 8),
            new BidirectionalSpec(new LstmSpec(64, false)), new DenseSpec(10));

    @Test
    void aWarmTrainingBatchAllocatesNothingWithAnyOptimizerAndWithAugmentation() {
        for (Optimizer optimizer : new Optimizer[] {new Sgd(0.01, 0.9, 0), new Adam(0.001), new RmsProp(0.001)}) {
            assertThat(leastBytesPerBatch(NET, optimizer, false)).as("%s", optimizer.getClass().getSimpleName()).isLessThan(LIMIT);
        }
        assertThat(leastBytesPerBatch(NET, new Adam(0.001), true)).as("with augmentation").isLessThan(LIMIT);
    }

    @Test
    void convolutionPoolingAndLstmLayersAllocateNothingPerBatchEither() {
        assertThat(leastBytesPerBatch(CONV, new Adam(0.001), false)).as("conv + pool").isLessThan(LIMIT);
        assertThat(leastBytesPerBatch(LSTM, new Adam(0.001), false)).as("lstm").isLessThan(LIMIT);
    }

    @Test
    void aBidirectionalLstmAllocatesNothingPerBatchWhileItsDirectionsRunSideBySide() {
        assertThat(leastBytesPerBatch(BILSTM, new Adam(0.001), false)).as("bilstm").isLessThan(LIMIT);
    }

    /** The smallest mean over successive windows of heap bytes per batch, for a warm trainer on two threads. */
    private static double leastBytesPerBatch(ModelSpec net, Optimizer optimizer, boolean augment) {
        return Parallelism.withThreads(2, () -> {
            Trainer trainer = new Trainer(Sequential.build(net, new SplittableRandom(1)), new SoftmaxCrossEntropy(),
                    optimizer, data(net), new TrainerConfig(1, BATCH, 0, 3, Integer.MAX_VALUE, 0));
            if (augment) {
                trainer.withBatchTransform(Augmentation.standard().asBatchTransform(new SplittableRandom(4)));
            }
            TrainingControl control = new TrainingControl();
            double least = Double.MAX_VALUE;
            long[] threads = kernelThreads();
            for (int window = 0; window < WINDOWS && least >= LIMIT; window++) {
                long before = allocated(threads);
                trainer.runSlice(WINDOW, Long.MAX_VALUE, false, e -> { }, control);
                least = Math.min(least, (double) (allocated(threads) - before) / WINDOW);
            }
            assertThat(trainer.epochs()).as("all windows within the first epoch").isZero();
            return least;
        });
    }

    /** This thread and the engine's kernel threads (started with the first parallel product). */
    private static long[] kernelThreads() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(Thread.currentThread()),
                        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("nnlab-kernel-")))
                .mapToLong(Thread::threadId).toArray();
    }

    /** Heap bytes allocated so far by the given threads. */
    private static long allocated(long[] threads) {
        long sum = 0;
        for (long id : threads) {
            sum += THREADS.getThreadAllocatedBytes(id);
        }
        return sum;
    }

    /** Enough random images for every window of batches within one epoch. */
    private static Dataset data(ModelSpec net) {
        int n = WINDOWS * WINDOW * BATCH + BATCH;
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = Tensor.uniform(net.input().withBatch(n), 0, 1, rng);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(10);
        }
        return new Dataset(x, y);
    }
}
