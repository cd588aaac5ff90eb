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

    @Test
    void readyServerReadsMnistAheadAndTheFirstRunGetsThatCopy(@TempDir Path dir) throws Exception {
        Path mnist = DataDirectory.mnist(dir);
        Files.createDirectories(mnist);
        write(mnist, Mnist.Split.TRAIN, 200);
        write(mnist, Mnist.Split.TEST, 50);
        MnistTrainingData data = new MnistTrainingData(dir.toString(), true);
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
        Path mnist = DataDirectory.mnist(dir);
        Files.createDirectories(mnist);
        write(mnist, Mnist.Split.TRAIN, 20);
        write(mnist, Mnist.Split.TEST, 10);
        MnistTrainingData off = new MnistTrainingData(dir.toString(), false);
        off.preloadWhenReady();
        MnistTrainingData missing = new MnistTrainingData(dir.resolve("elsewhere").toString(), true);
        missing.preloadWhenReady();
        Thread.sleep(300);
        assertFalse(off.loaded());
        assertFalse(missing.loaded());
    }
}
