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
 * and the best checkpoint. Once warm, all of that together allocates next to nothing per mini-batch,
 * counted on the threads that do the run's work: this one, which runs the slices, and the engine's kernel
 * helpers. (Not every thread of the JVM: in a full test run, earlier tests' application contexts keep
 * threads that allocate on their own.) What people read of the run (snapshots) is made when they read it
 * and is not counted: the test reads only between its windows. The data is the bench's kind of run: 2,000
 * samples, so an epoch ends every 29 batches (with a validation and, about once a second, the confusion
 * matrix); its 100 epochs (about 2,900 batches) outlast the test's windows, and the test stops if it ends anyway.
 */
class TrainingAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /**
     * Bytes per batch allowed on average. Before reports were thinned out to about 500 a run, the
     * confusion matrix scored at every epoch's end and the checkpoint cloned, this run allocated about
     * 11,000; with those, about 230–360, the reports' event objects and layer statistics, the histories'
     * points, the weight pictures and confusion matrices made anew, and a few lambdas per slice. Now the
     * trainer reports in one reused {@code Report}, the records keep numbers in columns and draw pictures
     * and matrices into kept arrays: 0–2 bytes are left (a thread hand-off now and then).
     */
    private static final double LIMIT = 16;
    private static final int WARM = 400;
    /** Slices of at most 8 batches: about 500 batches a window. */
    private static final int SLICES = 64;

    @Test
    void aWarmLenetRunAllocatesNextToNothingPerBatch() {
        TrainingProperties props = TrainingProperties.defaults().withWorkers(1);
        try (ManualTraining manual = new ManualTraining(props, new Digits())) {
            TrainingService service = manual.service();
            TrainingRequest request = new TrainingRequest("lenet", Presets.LENET.spec(), new DataChoice("digits", 2000),
                    Presets.LENET.training().optimizer(), 64, 100, 1, false, 0.1);
            JobId id = service.start("alloc", request).id();
            while (service.snapshot("alloc", id).step() < WARM) {
                manual.runNextSlice();
            }
            long[] helpers = kernelHelpers();
            double least = Double.MAX_VALUE;
            // the JIT keeps removing short-lived objects for a while: the cleanest of a few windows counts (the
            // convolution's shifted kernel still boxed vectors after 400 batches; clean after about 2,000)
            for (int window = 0; window < 8 && least >= LIMIT; window++) {
                int from = service.snapshot("alloc", id).step();
                long before = workersAllocated(helpers);
                manual.runSlices(SLICES);
                long bytes = workersAllocated(helpers) - before;
                JobSnapshot after = service.snapshot("alloc", id);
                assertThat(after.state()).as("the run is still training").isEqualTo(JobState.RUNNING);
                least = Math.min(least, (double) bytes / (after.step() - from));
            }
            service.stop("alloc", id);
            manual.runUntilIdle();
            System.out.printf(java.util.Locale.ROOT, "session engine, warm LeNet batch: %.1f bytes%n", least);
            assertThat(least).as("heap bytes per warm batch").isLessThan(LIMIT);
        }
    }

    /** The ids of the engine's kernel helper threads, found once (finding them allocates). */
    private static long[] kernelHelpers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("nnlab-kernel-"))
                .mapToLong(Thread::threadId).toArray();
    }

    /** Bytes allocated so far by the kernel helpers and this thread (it runs the slices); reading allocates nothing. */
    private static long workersAllocated(long[] helpers) {
        long bytes = 0;
        for (long helper : helpers) {
            bytes += Math.max(0, THREADS.getThreadAllocatedBytes(helper));
        }
        return bytes + THREADS.getCurrentThreadAllocatedBytes();
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
