package org.nnlab.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.nnlab.engine.json.Json;
import org.nnlab.reliability.Probes;

/**
 * The workshop bench's classify client: posts a digit to {@code POST /api/v1/classify} ten times a second (the
 * API's limit for one client) and notes each answer's time as the client saw it. It runs in a JVM of its own
 * ({@link #start}), small and at normal priority, as an API client on another machine would: inside the bench's
 * JVM, among a hundred simulated participants, its timings took in that JVM's collector pauses and the
 * participants' CPU time. Each request carries an {@code X-Probe} header, so the server's access log (which the
 * bench turns on, {@link #ACCESS_LOG_PATTERN}) gives the time the same request took inside the server.
 * <p>
 * Run alone: {@code ClassifyProbe BASE_URL FILE} posts until its standard input closes and writes one line per
 * answer to FILE: the wall clock at the send (ms), the time to the answer (µs), the status and the probe id.
 */
final class ClassifyProbe implements AutoCloseable {
    /** Tomcat's access log pattern the bench gives the server: probe id, status, µs in the server (%D), thread. */
    static final String ACCESS_LOG_PATTERN = "%{X-Probe}i %s %D %I";
    private static final long PERIOD_NANOS = 100_000_000L;

    /** One answer: sent at {@code sentMillis} (wall clock), answered after {@code micros}. */
    record Answer(long sentMillis, long micros, int status, String id) {
        long endMillis() {
            return sentMillis + micros / 1000;
        }
    }

    private final Process process;
    private final Path file;

    private ClassifyProbe(Process process, Path file) {
        this.process = process;
        this.file = file;
    }

    /**
     * Starts the probe in its own JVM ({@code -Xmx64m}, serial collector) against {@code base}, writing to {@code file},
     * and returns when it has written its first answer (after ten not written, to warm up).
     */
    static ClassifyProbe start(String base, Path file) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-cp", home(ClassifyProbe.class) + java.io.File.pathSeparator + home(Json.class),
                ClassifyProbe.class.getName(), base, file.toAbsolutePath().toString());
        Files.deleteIfExists(file);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(file.resolveSibling(file.getFileName() + ".out").toFile()).start();
        // returns once it has warmed up and written its first answer
        for (int i = 0; i < 300 && process.isAlive() && (!Files.exists(file) || Files.size(file) == 0); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("the classify probe stopped; see " + file + ".out");
        }
        return new ClassifyProbe(process, file);
    }

    private static String home(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the probe (closes its input) and reads its answers. */
    List<Answer> stop() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        List<Answer> answers = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(" ");
            if (f.length == 4) {
                answers.add(new Answer(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), f[3]));
            }
        }
        return answers;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** The server's own time (µs, Tomcat's %D: from reading the request to the end of the answer) of each probe request. */
    static Map<String, Long> serverMicros(Path accessLogDirectory) throws IOException {
        Map<String, Long> micros = new HashMap<>();
        if (!Files.isDirectory(accessLogDirectory)) {
            return micros;
        }
        try (var files = Files.list(accessLogDirectory)) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] p = line.split(" ");
                    if (p.length >= 3 && p[0].startsWith("probe-")) {
                        micros.put(p[0], Long.parseLong(p[2]));
                    }
                }
            }
        }
        return micros;
    }

    /**
     * Prints the answers' times by phase of the bench ({@code phases}: when each began), as the client saw them
     * and as the server spent them, leaving out answers that overlap one of the bench's own forced collections
     * ({@code forcedGcs}, from and to). Answers over 50 ms go to {@code target/crowd-classify-slow.txt} with the
     * server's time beside the client's; failed requests are reported to {@code errors}.
     */
    static void report(List<Answer> answers, Map<String, Long> serverMicros, List<Map.Entry<Long, String>> phases,
                       List<long[]> forcedGcs, BiConsumer<String, String> errors) throws IOException {
        Map<String, List<Long>> client = new LinkedHashMap<>();
        Map<String, List<Long>> server = new LinkedHashMap<>();
        phases.forEach(p -> {
            client.put(p.getValue(), new ArrayList<>());
            server.put(p.getValue(), new ArrayList<>());
        });
        client.put("all", new ArrayList<>());
        server.put("all", new ArrayList<>());
        List<String> slow = new ArrayList<>();
        int duringGc = 0;
        for (Answer a : answers) {
            if (a.status() != 200) {
                errors.accept("classify " + a.status(), a.id() + " sent at " + Instant.ofEpochMilli(a.sentMillis()));
                continue;
            }
            if (forcedGcs.stream().anyMatch(w -> a.sentMillis() <= w[1] && a.endMillis() >= w[0])) {
                duringGc++;
                continue;
            }
            String phase = phases.stream().filter(p -> p.getKey() <= a.sentMillis()).map(Map.Entry::getValue)
                    .reduce((first, second) -> second).orElse("all");
            Long inServer = serverMicros.get(a.id());
            for (String p : List.of(phase, "all")) {
                client.computeIfAbsent(p, k -> new ArrayList<>()).add(a.micros());
                if (inServer != null) {
                    server.computeIfAbsent(p, k -> new ArrayList<>()).add(inServer);
                }
            }
            if (a.micros() >= 50_000) {
                slow.add(String.format(Locale.ROOT, "%s %s client %.1f ms server %s", Instant.ofEpochMilli(a.sentMillis()), phase,
                        a.micros() / 1000.0, inServer == null ? "?" : String.format(Locale.ROOT, "%.1f ms", inServer / 1000.0)));
            }
        }
        System.out.println("== classify API under load (10/s from the first join to the end, from a JVM of its own), by phase,"
                + " ms; client = as the probe saw it, server = Tomcat's time for the same requests (" + duringGc
                + " answers during the bench's own full GC to read the heap left out):");
        client.forEach((phase, times) -> {
            List<Long> inServer = server.get(phase);
            if (!times.isEmpty()) {
                System.out.printf(Locale.ROOT, "  %-13s n=%4d  client p50 %6.1f  p99 %7.1f  max %7.1f | server n=%4d p50 %6.1f"
                        + "  p99 %7.1f  max %7.1f%n", phase, times.size(), q(times, 0.5), q(times, 0.99), q(times, 1),
                        inServer.size(), q(inServer, 0.5), q(inServer, 0.99), q(inServer, 1));
            }
        });
        Path file = Path.of("target", "crowd-classify-slow.txt");
        Files.write(file, slow);
        System.out.println("crowd: " + slow.size() + " classify answers over 50 ms (sent at, phase, client, server) in " + file);
    }

    /** The q-quantile (nearest rank) of the values in ms, 0 when there are none. */
    private static double q(List<Long> micros, double q) {
        if (micros.isEmpty()) {
            return 0;
        }
        List<Long> sorted = micros.stream().sorted().toList();
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1))) / 1000.0;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        HttpClient client = Probes.client();
        byte[] json = Probes.validJson().getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(base + "/api/v1/classify");
        Thread.ofPlatform().daemon().start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the bench closes our input to stop us
                }
            } catch (IOException ignored) {
                // as closed
            }
            System.exit(0);
        });
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]))) {
            long next = System.nanoTime();
            // the first answers take the connection's set-up and class loading: ten to warm up, not written
            for (long n = -9; ; n++) {
                String id = "probe-" + n;
                long sent = System.currentTimeMillis();
                long start = System.nanoTime();
                int status;
                try {
                    HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header("X-Probe", id)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.discarding());
                    status = r.statusCode();
                } catch (IOException e) {
                    status = -1;
                }
                long micros = (System.nanoTime() - start) / 1000;
                if (n > 0) {
                        out.write(String.format(Locale.ROOT, "%d %d %d %s%n", sent, micros, status, id));
                    out.flush();
                }
                next += PERIOD_NANOS;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }
    }
}
