package org.nnlab.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.Mnist;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * MNIST from {@code <data-dir>/datasets/mnist}, read once on first use and then shared, read-only, by
 * every job (about 190 MB of training images and 31 MB of test images as floats): the full set is handed
 * out as it is, a subset as a view of it, and a job's trainer also only keeps views, so a run copies
 * nothing but its mini-batches (which augmentation may then change). A subset of n images is the first
 * n training images; its test set is the first max(500, n / 5) test images (all 10,000 for the full set).
 * Runs get it through {@link DataSources}, which also knows the other data sets.
 */
@Fallback
@Component
public class MnistTrainingData implements TrainingData {
    private final Path dir;
    private Dataset train;
    private Dataset test;

    public MnistTrainingData(@Value("${nnlab.data-dir}") String dataDir) {
        this.dir = DataDirectory.mnist(DataDirectory.resolve(dataDir));
    }

    @Override
    public Sets load(DataChoice choice) throws IOException {
        requireMnist(choice);
        Dataset all = trainSet();
        Dataset allTest = testSet();
        int n = trainingSize(choice);
        int testCount = choice.size() == 0 ? allTest.size() : Math.max(500, n / 5);
        return new Sets(first(all, n), first(allTest, testCount));
    }

    private static Dataset first(Dataset all, int count) {
        return count >= all.size() ? all : all.view(IntStream.range(0, count).toArray());
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

    private synchronized Dataset trainSet() throws IOException {
        if (train == null) {
            train = Mnist.load(dir, Mnist.Split.TRAIN).toDataset();
        }
        return train;
    }

    private synchronized Dataset testSet() throws IOException {
        if (test == null) {
            test = Mnist.load(dir, Mnist.Split.TEST).toDataset();
        }
        return test;
    }
}
