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
 * Keeps its sample order, batch and example lists for the next time; only the published matrix is new.
 */
final class ConfusionScorer {
    private static final int MAX_EXAMPLES = 12;
    private static final int[] NONE = new int[0];
    private int classes;
    private int[] predicted = new int[0];
    private int[] order;
    private Batch batch;
    private int[] examples = new int[0];
    private int[] found = new int[0];

    Confusion score(Sequential model, Dataset test, int batchSize) {
        if (classes == 0) {
            classes = Accuracy.classes(model.spec().outputShape());
        }
        int cells = classes * classes;
        long[] counts = new long[cells];
        if (found.length != cells) {
            found = new int[cells];
            examples = new int[cells * MAX_EXAMPLES];
        }
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
        int[][] ex = new int[cells][];
        for (int i = 0; i < cells; i++) {
            ex[i] = found[i] == 0 ? NONE : java.util.Arrays.copyOfRange(examples, i * MAX_EXAMPLES, i * MAX_EXAMPLES + found[i]);
        }
        return new Confusion(classes, counts, ex);
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
