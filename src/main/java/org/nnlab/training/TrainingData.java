package org.nnlab.training;

import java.io.IOException;
import org.nnlab.engine.data.Dataset;

/** Where jobs get their samples: a training set and a test set for a {@link DataChoice}. */
public interface TrainingData {
    /** Training and test samples; test images are what the confusion matrix shows. */
    record Sets(Dataset train, Dataset test) {
    }

    /** Loads (or takes from a cache) the samples; may take seconds the first time. */
    Sets load(DataChoice choice) throws IOException;

    /** The training samples a choice stands for, without loading anything (for the samples limit). */
    int trainingSize(DataChoice choice);
}
