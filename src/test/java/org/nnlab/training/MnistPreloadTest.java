package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.IdxFiles;
import org.nnlab.engine.data.Mnist;

/** MNIST is read ahead when the server is ready, if it is there and read-ahead is on; runs then share that copy. */
class MnistPreloadTest {
    private static void write(Path dir, Mnist.Split split, int count) throws Exception {
        byte[] pixels = new byte[count * 784];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
            pixels[i * 784 + 300 + i % 50] = (byte) 200;
        }
        IdxFiles.write(dir.resolve(split.imagesFile()), IdxFiles.images(count, 28, 28, pixels));
        IdxFiles.write(dir.resolve(split.labelsFile()), IdxFiles.labels(labels));
    }

    /** A data directory whose MNIST has {@code train} training and {@code test} test images. */
    private static Path dataDir(Path dir, int train, int test) throws Exception {
        Path mnist = DataDirectory.mnist(dir);
        Files.createDirectories(mnist);
        write(mnist, Mnist.Split.TRAIN, train);
        write(mnist, Mnist.Split.TEST, test);
        return dir;
    }

    @Test
    void readyServerReadsMnistAheadAndTheFirstRunGetsThatCopy(@TempDir Path dir) throws Exception {
        MnistTrainingData data = new MnistTrainingData(dataDir(dir, 200, 50).toString(), true);
        assertFalse(data.loaded());
        data.preloadWhenReady();
        for (int i = 0; i < 600 && !data.loaded(); i++) {
            Thread.sleep(50);
        }
        assertTrue(data.loaded(), "read in the background");
        TrainingData.Sets sets = data.load(DataChoice.mnist(0));
        assertEquals(200, sets.train().size());
        assertSame(sets.train(), data.load(DataChoice.mnist(0)).train(), "one shared copy");
    }

    @Test
    void nothingIsReadWhenReadAheadIsOffOrMnistIsMissing(@TempDir Path dir) throws Exception {
        MnistTrainingData off = new MnistTrainingData(dataDir(dir, 20, 10).toString(), false);
        off.preloadWhenReady();
        MnistTrainingData missing = new MnistTrainingData(dir.resolve("elsewhere").toString(), true);
        missing.preloadWhenReady();
        Thread.sleep(300);
        assertFalse(off.loaded());
        assertFalse(missing.loaded());
    }
}
