package org.nnlab.training;

import java.io.IOException;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.LabeledImages;

/** Where a run's samples come from: a data source, or the owner's own drawings (with MNIST test images). */
final class JobData {
    private final TrainingData data;
    private final OwnImages ownImages;

    /** {@code ownImages} null: this server keeps no drawings (runs on {@link DataChoice#DRAWINGS} are refused). */
    JobData(TrainingData data, OwnImages ownImages) {
        this.data = data;
        this.ownImages = ownImages;
    }

    /**
     * How many training samples {@code choice} stands for when {@code owner} trains on it.
     *
     * @throws TrainingRefusedException when the data set is unknown here, or the owner has fewer than
     *                                  {@link DataChoice#MIN_DRAWINGS} drawings to train on
     */
    int trainingSize(String owner, DataChoice choice) {
        if (!choice.isDrawings()) {
            int size;
            try {
                size = data.trainingSize(choice);
            } catch (IllegalArgumentException e) {
                throw new TrainingRefusedException("train.error.noData", e.getMessage(), choice.dataset());
            }
            if (choice.size() > size) {
                throw new TrainingRefusedException("train.error.dataSize", "the data set " + choice.dataset() + " has "
                        + size + " training samples; " + choice.size() + " were asked for", choice.size(), size);
            }
            return size;
        }
        if (ownImages == null) {
            throw new TrainingRefusedException("train.error.noData", "this server keeps no drawings", choice.dataset());
        }
        int count = ownImages.count(owner);
        if (count < DataChoice.MIN_DRAWINGS) {
            throw new TrainingRefusedException("train.error.tooFewDrawings", "you have " + count
                    + " drawings; at least " + DataChoice.MIN_DRAWINGS + " are needed", count, DataChoice.MIN_DRAWINGS);
        }
        return choice.size() == 0 ? count : Math.min(count, choice.size());
    }

    /** Other image sets {@code owner} may train on (see {@link TrainingData#offeredTo}). */
    java.util.List<DataChoice> offeredTo(String owner) {
        return data.offeredTo(owner);
    }

    /** How many of their own drawings {@code owner} could train on (0 when this server keeps none). */
    int drawingCount(String owner) {
        return ownImages == null ? 0 : ownImages.count(owner);
    }

    /**
     * The samples of a run: from the data source, or for {@link DataChoice#DRAWINGS} the owner's drawings
     * (as they are when the run begins) to train on, with MNIST test images to test on, as many as an
     * MNIST subset of the same size would have.
     */
    TrainingData.Sets load(String owner, DataChoice choice) throws IOException {
        if (!choice.isDrawings()) {
            return data.load(choice);
        }
        LabeledImages mine = ownImages.load(owner);
        if (choice.size() > 0 && choice.size() < mine.size()) {
            mine = mine.first(choice.size());
        }
        if (mine.size() < DataChoice.MIN_DRAWINGS) {
            throw new IllegalStateException("only " + mine.size() + " of your drawings are left; at least "
                    + DataChoice.MIN_DRAWINGS + " are needed to train on them");
        }
        Dataset test = data.load(DataChoice.mnist(mine.size())).test();
        return new TrainingData.Sets(mine.toDataset(), test);
    }
}
