package org.nnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * A LeNet-5 run in the session engine, as a classroom server runs thirty of them: slices on the
 * scheduler's line, progress reports, weight pictures, epoch ends with validation, the confusion matrix
 * and the best checkpoint. Once warm, all of that together allocates little per mini-batch, counted on the
 * threads that do the run's work: this one, which runs the slices, and the engine's kernel helpers. (Not
 * every thread of the JVM: in a full test run, earlier tests' application contexts keep threads that
 * allocate on their own.) The data is the bench's kind of run: 2,000 samples, so an epoch ends every 29
 * batches; its 100 epochs (about 2,900 batches) outlast the test's windows, and the test stops if it ends anyway.
 */
class TrainingAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /**
     * Bytes per batch allowed on average. Before reports were thinned out to about 500 a run, the
     * confusion matrix scored at every epoch's end and the checkpoint cloned, this run allocated about
     * 11,000; now about 230 when this test runs alone and about 360 after the training package's other
     * tests (the JIT compiles the shared paths differently), most of it the reports' events and layer
     * statistics. The limit sits well below the old figure and above that spread.
     */
    private static final double LIMIT = 1000;
    private static final int WARM = 400;
    private static final int MEASURED = 500;

    @Test
    void aWarmLenetRunAllocatesAFewHundredBytesPerBatchAtMost() {
        TrainingProperties props = TrainingProperties.defaults().withWorkers(1);
        try (ManualTraining manual = new ManualTraining(props, new Digits())) {
            TrainingService service = manual.service();
            TrainingRequest request = new TrainingRequest("lenet", Presets.LENET.spec(), new DataChoice("digits", 2000),
                    Presets.LENET.training().optimizer(), 64, 100, 1, false, 0.1);
            JobId id = service.start("alloc", request).id();
            while (service.snapshot("alloc", id).step() < WARM) {
                manual.runNextSlice();
            }
            double least = Double.MAX_VALUE;
            // the JIT keeps removing short-lived objects for a while: the cleanest of a few windows counts
            for (int window = 0; window < 3 && least >= LIMIT; window++) {
                int from = service.snapshot("alloc", id).step();
                long before = workersAllocated();
                while (service.snapshot("alloc", id).step() < from + MEASURED) {
                    assertThat(service.snapshot("alloc", id).state()).as("the run is still training")
                            .isEqualTo(JobState.RUNNING);
                    manual.runSlices(25);
                }
                long bytes = workersAllocated() - before;
                least = Math.min(least, (double) bytes / (service.snapshot("alloc", id).step() - from));
            }
            service.stop("alloc", id);
            manual.runUntilIdle();
            assertThat(least).as("heap bytes per warm batch").isLessThan(LIMIT);
        }
    }

    /** Bytes allocated so far by this thread (it runs the slices) and the engine's kernel helper threads. */
    private static long workersAllocated() {
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("nnlab-kernel-")) {
                bytes += Math.max(0, THREADS.getThreadAllocatedBytes(t.threadId()));
            }
        }
        return bytes;
    }

    /** Random 28×28 images of ten classes, a 2,000-image test set: MNIST's shapes without the files. */
    private static final class Digits implements TrainingData {
        @Override
        public Sets load(DataChoice choice) {
            return new Sets(images(choice.size(), 1), images(2000, 2));
        }

        @Override
        public int trainingSize(DataChoice choice) {
            return choice.size();
        }

        private static Dataset images(int n, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = rng.nextInt(10);
            }
            return new Dataset(Tensor.uniform(Shape.of(n, 1, 28, 28), 0, 1, rng), labels);
        }
    }
}
