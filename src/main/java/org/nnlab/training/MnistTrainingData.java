package org.nnlab.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.Mnist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * MNIST from {@code <data-dir>/datasets/mnist}, read once on first use and then shared, read-only, by
 * every job (about 190 MB of training images and 31 MB of test images as floats): the full set is handed
 * out as it is, a subset as a view of it, and a job's trainer also only keeps views, so a run copies
 * nothing but its mini-batches (which augmentation may then change). A subset of n images is the first
 * n training images; its test set is the first max(500, n / 5) test images (all 10,000 for the full set).
 * Runs get it through {@link DataSources}, which also knows the other data sets.
 * <p>
 * In the server it is read once the application is ready ({@code nnlab.training.mnist-preload}, on by default),
 * on a background thread at training priority: otherwise the first run of a class reads it while the class
 * works, and its 0.4 GB of allocation (the files' bytes, then the floats) makes the collector pause everyone
 * just when 30 runs start (measured in the workshop bench: pauses of 100–300 ms, every run waiting 15 s).
 */
@Fallback
@Component
public class MnistTrainingData implements TrainingData {
    private static final Logger log = LoggerFactory.getLogger(MnistTrainingData.class);
    private final Path dir;
    private final boolean preload;
    private Dataset train;
    private Dataset test;

    public MnistTrainingData(String dataDir) {
        this(dataDir, false);
    }

    @Autowired
    public MnistTrainingData(@Value("${nnlab.data-dir}") String dataDir,
                             @Value("${nnlab.training.mnist-preload:true}") boolean preload) {
        this.dir = DataDirectory.mnist(DataDirectory.resolve(dataDir));
        this.preload = preload;
    }

    /** Reads MNIST in the background when the server is ready, if it is there and preloading is on. */
    @EventListener(ApplicationReadyEvent.class)
    public void preloadWhenReady() {
        if (preload && isAvailable()) {
            Thread.ofPlatform().name("mnist-preload").daemon().priority(Thread.NORM_PRIORITY - 1).start(this::preloadNow);
        }
    }

    /** Reads both splits now (if not yet read); a failure is logged and left for the first run to report. */
    void preloadNow() {
        long start = System.nanoTime();
        try {
            trainSet();
            testSet();
            log.info("MNIST read ahead of the first run in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            log.info("MNIST could not be read ahead ({}); the first run will try again", e.toString());
        }
    }

    /** Whether both splits have been read. */
    synchronized boolean loaded() {
        return train != null && test != null;
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
