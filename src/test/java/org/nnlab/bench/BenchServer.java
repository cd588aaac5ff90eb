package org.nnlab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The production jar started for a bench: on a free port, with a fresh data directory (MNIST linked from
 * {@code ~/.nnlab/datasets}), its log in a file; its heap (through {@code jcmd}) and RSS can be read, and its
 * log searched for errors once it has stopped.
 */
final class BenchServer implements AutoCloseable {
    /** G1 says "used 123456K", ZGC "used 338M". */
    private static final Pattern JCMD_HEAP = Pattern.compile("used (\\d+)([KMG])");
    /** The last line of a class histogram: "Total  &lt;instances&gt;  &lt;bytes&gt;". */
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");
    final String base;
    final long pid;
    final Path log;
    private final Process process;
    private final Path data;

    private BenchServer(String base, Process process, Path data, Path log) {
        this.base = base;
        this.process = process;
        this.pid = process.pid();
        this.data = data;
        this.log = log;
    }

    /** Starts {@code jar} with the JVM options and application arguments given, and waits until it is healthy. */
    static BenchServer start(Path jar, List<String> jvmOptions, List<String> arguments, Path log) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = Files.createTempDirectory("nnlab-bench");
        Files.createDirectories(data.resolve("datasets"));
        Path mnist = Path.of(System.getProperty("user.home"), ".nnlab", "datasets", "mnist");
        if (Files.isDirectory(mnist)) {
            Files.createSymbolicLink(data.resolve("datasets").resolve("mnist"), mnist);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("NNLAB_DATA_DIR", data.toString());
        Process process = builder.start();
        BenchServer server = new BenchServer("http://127.0.0.1:" + port, process, data, log);
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 240; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        server.close();
        throw new IllegalStateException("the server did not become healthy in 2 minutes; see " + log);
    }

    /** The jar {@code mvn package} built. */
    static Path builtJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("nnlab-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/nnlab-*.jar: mvn -B -o package -DskipTests"));
        }
    }

    /**
     * Used heap in MB: with {@code collectFirst}, the live objects after a full collection (the total of
     * {@code GC.class_histogram}, which collects first and then counts what is reachable; ZGC's used figure after
     * {@code GC.run} includes what was allocated meanwhile and read below the baseline in some runs); without, the
     * heap as it is.
     */
    static double heapMb(long pid, boolean collectFirst) {
        if (collectFirst) {
            Matcher total = HISTOGRAM_TOTAL.matcher(jcmd(pid, "GC.class_histogram"));
            return total.find() ? Long.parseLong(total.group(1)) / (1024.0 * 1024.0) : -1;
        }
        Matcher m = JCMD_HEAP.matcher(jcmd(pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) * switch (m.group(2)) {
            case "K" -> 1.0 / 1024;
            case "M" -> 1.0;
            default -> 1024.0;
        } : -1;
    }

    private static String jcmd(long pid, String command) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * Waits until the server's log has a line containing each of {@code fragments} (its start-up work in the
     * background, e.g. reading MNIST ahead and warming the training kernels), at most {@code timeout}; returns
     * those not seen.
     */
    List<String> awaitLog(Duration timeout, String... fragments) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<String> missing = new ArrayList<>(List.of(fragments));
        while (!missing.isEmpty() && System.nanoTime() < end) {
            String text = Files.readString(log);
            missing.removeIf(text::contains);
            if (!missing.isEmpty()) {
                Thread.sleep(250);
            }
        }
        return missing;
    }

    /** Resident memory of a process in MB (-1 when it has gone). */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // no such process any more
        }
        return -1;
    }

    /** Lines of the log at level ERROR or WARN, or with an exception's trace. */
    List<String> complaints() throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(" ERROR ") || l.contains(" WARN ") || l.startsWith("Caused by:")
                    || l.matches("^[a-z]+(\\.[a-zA-Z_$]+)+(Exception|Error)\\b.*")).toList();
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
