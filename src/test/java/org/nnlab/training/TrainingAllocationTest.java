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
 * and the best checkpoint. Once warm, all of that together allocates little per mini-batch (counted over
 * every thread of this JVM, so whatever the run starts counts too). The data is the bench's kind of run:
 * 2,000 samples, so an epoch ends every 29 batches.
 */
class TrainingAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /**
     * Bytes per batch allowed on average. Before reports were thinned out to about 500 a run, the
     * confusion matrix scored at every epoch's end and the checkpoint cloned, this run allocated about
     * 11,000; now about 230, most of it the reports' events and layer statistics (the trainer's).
     */
    private static final double LIMIT = 300;
    private static final int WARM = 400;
    private static final int MEASURED = 600;

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
            for (int window = 0; window < 4 && least >= LIMIT; window++) {
                int from = service.snapshot("alloc", id).step();
                long before = THREADS.getTotalThreadAllocatedBytes();
                while (service.snapshot("alloc", id).step() < from + MEASURED) {
                    manual.runSlices(25);
                }
                long bytes = THREADS.getTotalThreadAllocatedBytes() - before;
                least = Math.min(least, (double) bytes / (service.snapshot("alloc", id).step() - from));
            }
            service.stop("alloc", id);
            manual.runUntilIdle();
            assertThat(least).as("heap bytes per warm batch").isLessThan(LIMIT);
        }
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
