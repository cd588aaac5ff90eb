package org.nnlab.engine.data;

import org.nnlab.engine.tensor.Tensor;

/** A mini-batch: inputs {@code [batch, ...sample shape]} and one label per sample. */
public record Batch(Tensor inputs, int[] labels) {
    Dataset toDataset() {
        return new Dataset(inputs, labels);
    }

    public int size() {
        return labels.length;
    }
}
