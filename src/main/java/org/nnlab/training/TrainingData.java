package org.nnlab.training;

import java.io.IOException;
import java.util.List;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.tensor.Shape;

/** Where jobs get their samples: a training set and a test set for a {@link DataChoice}. */
public interface TrainingData {
    /** Training and test samples; test images are what the confusion matrix shows. */
    record Sets(Dataset train, Dataset test) {
        /**
         * The samples read in the network's input shape when they have as many values (MNIST images as
         * rows for a recurrent network, or flat for a dense one); otherwise as they are.
         */
        public Sets shapedFor(Shape input) {
            return new Sets(shaped(train, input), shaped(test, input));
        }

        private static Dataset shaped(Dataset d, Shape input) {
            return d.sampleShape().equals(input) || d.sampleShape().size() != input.size() ? d : d.reshaped(input);
        }
    }

    /** Loads (or takes from a cache) the samples; may take seconds the first time. */
    Sets load(DataChoice choice) throws IOException;

    /** The training samples a choice stands for, without loading anything (for the samples limit). */
    int trainingSize(DataChoice choice);

    /** Sets of 28×28 digit images offered to {@code owner} besides MNIST and their drawings (see {@link DataProvider}). */
    default List<DataChoice> offeredTo(String owner) {
        return List.of();
    }
}
