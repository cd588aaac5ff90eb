package org.nnlab.training;

import java.io.IOException;
import java.util.List;

/**
 * A data set that another part of the app offers to training runs under its own names (a workshop room's
 * class drawings, for instance). {@link DataSources} asks each provider whether it knows a choice before
 * it falls back on the sets it has itself.
 */
public interface DataProvider {
    /** Whether {@code choice} names one of this provider's sets. */
    boolean handles(DataChoice choice);

    /** The training and test samples of {@code choice}; may read a database or files. */
    TrainingData.Sets load(DataChoice choice) throws IOException;

    /**
     * How many training samples {@code choice} stands for.
     *
     * @throws IllegalArgumentException when the set is unknown or empty (the run is refused with the message)
     */
    int trainingSize(DataChoice choice);

    /** The sets of 28×28 digit images this provider offers {@code owner} on the Train page (none by default). */
    default List<DataChoice> offeredTo(String owner) {
        return List.of();
    }
}
