package org.nnlab.engine.data.sequence;

import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Sequences with class labels. {@code inputs} is [n, steps, features] (or [n, steps] token ids);
 * {@code labels} holds {@code labelsPerSample} ids per sample: 1 (one label per sequence, read from the
 * last state) or {@code steps} (one per step, for a per-step head), where {@link #NO_LABEL} marks a step
 * that has no target and must be left out of the loss and the accuracy.
 */
public record LabeledSequences(Tensor inputs, int[] labels, int classes, int labelsPerSample) {
    public static final int NO_LABEL = -1;

    public LabeledSequences {
        int n = inputs.shape().dim(0);
        if (labels.length != n * labelsPerSample) {
            throw new IllegalArgumentException("LabeledSequences: " + n + " samples × " + labelsPerSample
                    + " labels need " + n * labelsPerSample + " labels, got " + labels.length);
        }
        for (int l : labels) {
            if (l != NO_LABEL && (l < 0 || l >= classes)) {
                throw new IllegalArgumentException("LabeledSequences: label " + l + " outside 0.." + (classes - 1));
            }
        }
    }

    public int size() {
        return inputs.shape().dim(0);
    }

    public int steps() {
        return inputs.shape().dim(1);
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public LabeledSequences slice(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return select(idx);
    }

    /** The samples at {@code indices}, in that order, copied (for shuffled mini-batches). */
    public LabeledSequences select(int[] indices) {
        int per = inputs.size() / size();
        int[] dims = inputs.shape().dims();
        dims[0] = indices.length;
        float[] x = new float[indices.length * per];
        int[] y = new int[indices.length * labelsPerSample];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(inputs.data(), indices[i] * per, x, i * per, per);
            System.arraycopy(labels, indices[i] * labelsPerSample, y, i * labelsPerSample, labelsPerSample);
        }
        return new LabeledSequences(new Tensor(Shape.of(dims), x), y, classes, labelsPerSample);
    }
}
