package org.nnlab.training;

import org.nnlab.engine.data.Batch;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.Accuracy;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.training.JobSnapshot.Confusion;

/**
 * Scores a run's model on its test images: counts per (actual, predicted) cell and up to a dozen image
 * indices per cell, in batches no larger than training used, so scoring needs no larger layer buffers.
 * Keeps its sample order and batch for the next time, and scores into {@link Counts} that are filled again
 * the next time, so scoring allocates nothing once warm; a {@link Confusion} is made from them when read.
 */
final class ConfusionScorer {
    private static final int MAX_EXAMPLES = 12;
    private static final int[] NONE = new int[0];
    private int classes;
    private int[] predicted = new int[0];
    private int[] order;
    private Batch batch;

    /** A scored matrix in arrays that the next scoring into it overwrites. */
    static final class Counts {
        private int classes;
        private long[] counts = new long[0];
        private int[] examples = new int[0];
        private int[] found = new int[0];

        /** An unchanging copy, for people to see. */
        Confusion toConfusion() {
            int cells = classes * classes;
            int[][] ex = new int[cells][];
            for (int i = 0; i < cells; i++) {
                ex[i] = found[i] == 0 ? NONE
                        : java.util.Arrays.copyOfRange(examples, i * MAX_EXAMPLES, i * MAX_EXAMPLES + found[i]);
            }
            return new Confusion(classes, counts.clone(), ex);
        }
    }

    /** Scores {@code model} on {@code test} into {@code into}. */
    void score(Sequential model, Dataset test, int batchSize, Counts into) {
        if (classes == 0) {
            classes = Accuracy.classes(model.spec().outputShape());
        }
        int cells = classes * classes;
        if (into.found.length != cells) {
            into.counts = new long[cells];
            into.found = new int[cells];
            into.examples = new int[cells * MAX_EXAMPLES];
        }
        into.classes = classes;
        long[] counts = into.counts;
        int[] found = into.found;
        int[] examples = into.examples;
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(found, 0);
        // whole batches only (the last filled up with repeats that are not counted), so the layers keep one shape
        int size = Math.min(256, batchSize);
        order = Dataset.paddedOrder(test.size(), size, order);
        for (int from = 0; from < test.size(); from += size) {
            batch = test.gather(order, from, from + size, batch);
            int[] predicted = predictions(model.forward(batch.inputs(), Mode.INFER));
            int real = Math.min(size, test.size() - from);
            for (int i = 0; i < real; i++) {
                int cell = batch.labels()[i] * classes + predicted[i];
                counts[cell]++;
                if (found[cell] < MAX_EXAMPLES) {
                    examples[cell * MAX_EXAMPLES + found[cell]++] = from + i;
                }
            }
        }
    }

    /** The class of each sample, as {@link Accuracy#predictions} judges it, into a kept array for the usual outputs. */
    private int[] predictions(Tensor output) {
        int batch = output.shape().dim(0);
        int cols = output.size() / batch;
        if (output.shape().rank() != 2 || cols == 1) {
            return Accuracy.predictions(output);
        }
        if (predicted.length < batch) {
            predicted = new int[batch];
        }
        for (int r = 0; r < batch; r++) {
            predicted[r] = output.argmaxRow(r);
        }
        return predicted;
    }
}
