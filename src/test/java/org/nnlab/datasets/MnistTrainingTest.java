package org.nnlab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.ConfusionMatrix;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerConfig;
import org.nnlab.engine.model.TrainerEvent;
import org.nnlab.engine.model.TrainingControl;

/** Reads the real MNIST and trains on a slice of it; needs the files (see {@link MnistTestData}). */
class MnistTrainingTest {
    @Test
    void realFilesHaveTheOriginalCountsAndLabels() throws IOException {
        Path dir = MnistTestData.requireMnist();
        LabeledImages test = Mnist.load(dir, Mnist.Split.TEST);
        assertEquals(10_000, test.size());
        assertEquals(28, test.rows());
        // class sizes of the MNIST test set, a fact of the data set
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, test.labelCounts());
        assertEquals(7, test.labels()[0]);
    }

    /** The MLP preset, 5 epochs on 2,000 training images, reaches 85 % on 2,000 test images. */
    @Test
    void mlpLearnsFromATwoThousandImageSubset() throws IOException {
        Path dir = MnistTestData.requireMnist();
        LabeledImages train = Mnist.load(dir, Mnist.Split.TRAIN).first(2000);
        LabeledImages test = Mnist.load(dir, Mnist.Split.TEST).first(2000);
        Presets.Preset preset = Presets.MLP;
        Sequential model = Sequential.build(preset.spec(), new SplittableRandom(3));
        double before = ConfusionMatrix.of(model, test.toDataset(), 500).accuracy();
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), preset.training().optimizer().create(), train.toDataset(),
                TrainerConfig.of(5, 32, 3));
        TrainerEvent.TrainingEnded ended = trainer.fit(e -> { }, new TrainingControl());
        assertEquals(TrainerEvent.Outcome.COMPLETED, ended.outcome());
        double after = ConfusionMatrix.of(model, test.toDataset(), 500).accuracy();
        assertTrue(before < 0.3, "untrained accuracy " + before);
        assertTrue(after > 0.85, "accuracy after 5 epochs on 2,000 images: " + after);
    }
}
