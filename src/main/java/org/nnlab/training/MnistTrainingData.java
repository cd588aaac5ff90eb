package org.nnlab.training;

import java.io.IOException;
import java.nio.file.Path;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * MNIST from {@code <data-dir>/datasets/mnist}, read once and kept in memory (about 220 MB as floats).
 * A subset of n images is the first n training images; its test set is the first max(500, n / 5) test
 * images (all 10,000 for the full set).
 */
@Component
public class MnistTrainingData implements TrainingData {
    private final Path dir;
    private LabeledImages train;
    private LabeledImages test;

    public MnistTrainingData(@Value("${nnlab.data-dir}") String dataDir) {
        this.dir = DataDirectory.mnist(DataDirectory.resolve(dataDir));
    }

    @Override
    public Sets load(DataChoice choice) throws IOException {
        requireMnist(choice);
        LabeledImages all = trainImages();
        LabeledImages allTest = testImages();
        int n = trainingSize(choice);
        LabeledImages tr = n >= all.size() ? all : all.first(n);
        int testCount = choice.size() == 0 ? allTest.size() : Math.min(allTest.size(), Math.max(500, n / 5));
        LabeledImages te = testCount >= allTest.size() ? allTest : allTest.first(testCount);
        return new Sets(tr.toDataset(), te.toDataset());
    }

    @Override
    public int trainingSize(DataChoice choice) {
        requireMnist(choice);
        return choice.size() == 0 ? Mnist.Split.TRAIN.count() : Math.min(choice.size(), Mnist.Split.TRAIN.count());
    }

    /** Whether the four MNIST files are in the data directory. */
    public boolean isAvailable() {
        return Mnist.isPresent(dir);
    }

    private static void requireMnist(DataChoice choice) {
        if (!DataChoice.MNIST.equals(choice.dataset())) {
            throw new IllegalArgumentException("unknown data set '" + choice.dataset() + "'; this server has \"mnist\"");
        }
    }

    private synchronized LabeledImages trainImages() throws IOException {
        if (train == null) {
            train = Mnist.load(dir, Mnist.Split.TRAIN);
        }
        return train;
    }

    private synchronized LabeledImages testImages() throws IOException {
        if (test == null) {
            test = Mnist.load(dir, Mnist.Split.TEST);
        }
        return test;
    }
}
