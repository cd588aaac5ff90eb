package org.nnlab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.Browser;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.reliability.Probes;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: mixed load on a RUNNING server for a given time, with its heap and RSS sampled every 10 s.
 * <ul>
 * <li>a classify flood: {@code classifiers} clients, each on a loopback address of its own, post JSON and
 * PNG digits to {@code /api/v1/classify} back to back, waiting out every 429 as its Retry-After says;</li>
 * <li>page sessions: a new visitor (no cookie) about once a second opens /, /draw, /build or /train as a browser
 * would (the page, then Vaadin's init request, which builds the view) and leaves without closing it;</li>
 * <li>training runs in real pages: {@code runs} trainers, each a Chromium profile of its own (so an owner
 * cookie of its own), visited in turn by {@code browsers} headless Chromiums: a visit opens /train, notes
 * how the trainer's last run ended, starts a new run (5,000 or 10,000 MNIST images, 2 or 3 epochs,
 * the network cycling through the four presets) and closes the browser, so that up to {@code runs} runs
 * go at once without as many browsers; every third visit also uploads a model file in the page and
 * opens /build and /draw.</li>
 * </ul>
 * Heap: {@code /actuator/metrics/jvm.memory.used?tag=area:heap} if it answers, else {@code jcmd <pid>
 * GC.heap_info}; RSS and threads from {@code /proc/<pid>/status}. At the end it prints the requests by
 * status, the errors (5xx, timeouts, exceptions), the runs started/finished/failed and the peaks, and
 * writes the samples as CSV. Only loopback servers are accepted.
 * <pre>
 * java -cp ... org.nnlab.bench.SoakBench http://127.0.0.1:8080 30 &lt;pid&gt; target/soak.csv [classifiers 6] [runs 30] [browsers 2] [pages/s 1]
 * </pre>
 * {@code scripts/soak.sh} starts the production jar and runs this against it.
 */
public final class SoakBench {
    private static final String[] ROUTES = {"", "draw", "build", "train"};
    private static final String[] NETWORKS = {"Perceptron", "MLP", "LeNet-5", "CNN with 5"};
    private static final Pattern JCMD_HEAP = Pattern.compile("committed (\\d+)K, used (\\d+)K");

    private final String base;
    private final long pid;
    private final long deadline;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong runsStarted = new AtomicLong();
    private final Map<String, LongAdder> runOutcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private volatile int runsGoing;
    private volatile boolean heapFromActuator = true;
    private long pagePauseMillis = 1000;

    private SoakBench(String base, long pid, Duration duration) {
        this.base = base.replaceAll("/+$", "");
        this.pid = pid;
        this.deadline = System.nanoTime() + duration.toNanos();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SoakBench <base URL> <minutes> [server pid] [samples.csv] [classifiers] [runs]"
                    + " [browsers] [new page sessions a second]");
            System.exit(2);
        }
        String base = args[0];
        double minutes = Double.parseDouble(args[1]);
        long pid = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Path csv = Path.of(args.length > 3 ? args[3] : "target/soak-samples.csv");
        int classifiers = args.length > 4 ? Integer.parseInt(args[4]) : 6;
        int runs = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        int browsers = args.length > 6 ? Integer.parseInt(args[6]) : 2;
        if (!InetAddress.getByName(URI.create(base).getHost()).isLoopbackAddress()) {
            System.err.println("SoakBench only drives a server on this machine (a loopback address), not " + base);
            System.exit(2);
        }
        double pagesPerSecond = args.length > 7 ? Double.parseDouble(args[7]) : 1;
        SoakBench bench = new SoakBench(base, pid, Duration.ofMillis(Math.round(minutes * 60_000)));
        bench.pagePauseMillis = Math.round(1000 / pagesPerSecond);
        bench.run(csv, classifiers, runs, browsers, minutes);
    }

    private void run(Path csv, int classifiers, int runs, int browsers, double minutes) throws Exception {
        System.out.printf(Locale.ROOT, "soak: %s for %.1f min, %d classify clients, %d trainers in %d browser(s), pid %d%n",
                base, minutes, classifiers, runs, browsers, pid);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < classifiers; i++) {
            threads.add(Thread.ofPlatform().name("classify-" + i).start(this::classifyLoop));
        }
        threads.add(Thread.ofPlatform().name("pages").start(this::pageLoop));
        List<Trainer> trainers = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            trainers.add(new Trainer(i, Files.createTempDirectory("nnlab-soak-trainer")));
        }
        Path upload = Files.createTempFile("soak-upload", ".nnm");
        ModelSpec small = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(32), new ReluSpec(), new DenseSpec(10));
        Files.write(upload, ModelFile.toBytes(Sequential.build(small, new SplittableRandom(1))));
        for (int b = 0; b < browsers; b++) {
            int first = b;
            threads.add(Thread.ofPlatform().name("browser-" + b).start(() -> browserLoop(trainers, first, browsers, upload)));
        }
        List<String[]> samples = new ArrayList<>();
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            samples.add(sample((System.nanoTime() - start) / 1_000_000_000L));
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Thread.sleep(Math.max(0, Math.min(10_000, left)));
        }
        for (Thread t : threads) {
            t.join(120_000);
        }
        samples.add(sample((System.nanoTime() - start) / 1_000_000_000L));
        for (Trainer t : trainers) {
            t.deleteProfile();
        }
        Files.deleteIfExists(upload);
        writeCsv(csv, samples);
        report(csv, samples, runs);
    }

    private boolean going() {
        return System.nanoTime() < deadline;
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    private void error(String kind, String detail) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (errorSamples.size() < 20) {
            errorSamples.add(kind + ": " + (detail.length() > 200 ? detail.substring(0, 200) : detail));
        }
    }

    /** One client: JSON and PNG digits in turn, as fast as the server and its rate limit allow. */
    private void classifyLoop() {
        HttpClient client = Probes.client();
        byte[] json = Probes.validJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] png = Probes.validPng(120);
        for (int i = 0; going(); i++) {
            boolean asPng = i % 2 == 1;
            try {
                long t0 = System.nanoTime();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/classify"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", asPng ? "image/png" : "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(asPng ? png : json)).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                count("classify " + (asPng ? "png " : "json ") + status);
                if (status == 200) {
                    latenciesMicros.add((System.nanoTime() - t0) / 1000);
                } else if (status == 429) {
                    long wait = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
                    if (wait < 0) {
                        error("429 without Retry-After", r.body());
                        wait = 1;
                    }
                    Thread.sleep(wait * 1000);
                } else {
                    error("classify " + status, r.body());
                }
            } catch (HttpTimeoutException e) {
                error("classify timeout", e.toString());
            } catch (IOException e) {
                error("classify exception", e.toString());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** New visitors opening a page and leaving it open: the page, then the init request that builds its view. */
    private void pageLoop() {
        SplittableRandom rng = new SplittableRandom(7);
        while (going()) {
            String route = ROUTES[rng.nextInt(ROUTES.length)];
            HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(10)).build();
            try {
                get(visitor, "/" + route, "page");
                get(visitor, "/?v-r=init&location=" + route + "&query=", "page init");
                Thread.sleep(pagePauseMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void get(HttpClient client, String path, String what) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            count(what + " " + r.statusCode());
            if (r.statusCode() >= 400) {
                error(what + " " + r.statusCode(), path + " " + r.body());
            }
        } catch (HttpTimeoutException e) {
            error(what + " timeout", path);
        } catch (IOException e) {
            error(what + " exception", path + " " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A person who trains again and again: a browser profile (and so an owner cookie) of its own. */
    private final class Trainer {
        final int index;
        final Path profile;
        boolean running;
        int runs;

        Trainer(int index, Path profile) {
            this.index = index;
            this.profile = profile;
        }

        void deleteProfile() {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }

    private void browserLoop(List<Trainer> trainers, int first, int step, Path upload) {
        for (int visit = 0; going(); visit++) {
            int i = (first + visit * step) % trainers.size();
            Trainer trainer = trainers.get(i);
            count("browser visits");
            try (Browser browser = new Browser(trainer.profile)) {
                visitTrainPage(browser, trainer);
                if (visit % 3 == 2 && going()) {
                    uploadModel(browser, upload);
                    browser.open(base + "/build");
                    browser.open(base + "/draw");
                    count("browser pages 2");
                }
            } catch (RuntimeException e) {
                error("browser " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
            runsGoing = (int) trainers.stream().filter(t -> t.running).count();
        }
    }

    private void visitTrainPage(Browser browser, Trainer trainer) {
        browser.open(base + "/train");
        browser.waitFor(By.id("start"));
        count("browser pages 1");
        String status = browser.driver().findElements(By.id("job-status")).stream().findFirst()
                .map(WebElement::getText).orElse("");
        if (trainer.running) {
            String outcome = status.contains("finished") ? "finished" : status.contains("failed") ? "failed"
                    : status.contains("stopped") ? "stopped" : null;
            if (outcome == null) {
                return;
            }
            runOutcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            if (outcome.equals("failed")) {
                error("run failed", status);
            }
            trainer.running = false;
        }
        if (!going()) {
            return;
        }
        browser.pick("network", NETWORKS[(trainer.index + trainer.runs) % NETWORKS.length]);
        browser.pick("dataset-size", trainer.index % 2 == 0 ? "first 5,000 images" : "first 10,000 images");
        WebElement epochs = browser.waitFor(By.cssSelector("#epochs input"));
        epochs.clear();
        epochs.sendKeys((2 + trainer.index % 2) + "\t");
        try {
            if (!started(browser, status, 20)) {
                count("start clicked twice");
                if (!started(browser, status, 30)) {
                    throw new IllegalStateException("no run after two clicks");
                }
            }
            trainer.running = true;
            trainer.runs++;
            runsStarted.incrementAndGet();
        } catch (Refused e) {
            runOutcomes.computeIfAbsent("refused at start", k -> new LongAdder()).increment();
            String message = e.getMessage().lines().findFirst().orElse("");
            refusals.computeIfAbsent(message.length() > 160 ? message.substring(0, 160) + "…" : message,
                    k -> new LongAdder()).increment();
        } catch (RuntimeException e) {
            String notice = e.getMessage();
            String after = browser.driver().findElements(By.id("job-status")).stream().findFirst()
                    .map(WebElement::getText).orElse("");
            String shot = "soak-not-started-" + trainer.index + "-" + trainer.runs;
            browser.screenshot(shot);
            error("run not started", notice + "; status before '" + status + "', after '" + after + "' (target/screenshots/"
                    + shot + ".png)");
        }
    }

    /**
     * Clicks Start and waits up to {@code seconds} for the status of a new run (true) or a notification
     * (a {@link Refused} with its text); false when neither came.
     */
    private static boolean started(Browser browser, String statusBefore, int seconds) {
        browser.waitFor(By.id("start")).click();
        String seen;
        try {
            seen = new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds)).until(d -> {
                String s = d.findElement(By.id("job-status")).getText();
                if (!s.equals(statusBefore) && (s.contains("running") || s.contains("waiting") || s.contains("finished"))) {
                    return "";
                }
                return d.findElements(By.tagName("vaadin-notification-card")).stream().map(WebElement::getText)
                        .filter(t -> !t.isBlank()).findFirst().orElse(null);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
        if (!seen.isEmpty()) {
            throw new Refused(seen);
        }
        return true;
    }

    /** The page answered Start with a notification (a limit, a busy server, a network that does not fit). */
    private static final class Refused extends RuntimeException {
        Refused(String notification) {
            super(notification, null, false, false);
        }
    }

    private void uploadModel(Browser browser, Path file) {
        WebElement upload = browser.waitFor(By.id("upload-model"));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        try {
            browser.waitForText(By.tagName("vaadin-notification-card"), "Uploaded");
            count("upload ok");
        } catch (RuntimeException e) {
            String notice = browser.driver().findElements(By.tagName("vaadin-notification-card")).stream()
                    .map(WebElement::getText).findFirst().orElse("no notification");
            if (notice.contains("delete one first")) {
                count("upload refused: owner's limit");
            } else {
                error("upload failed", notice);
            }
        }
    }


    private static final String[] COLUMNS = {"seconds", "heap_used_mb", "heap_committed_mb", "rss_mb", "threads",
            "classify_200", "classify_429", "pages", "errors", "runs_started", "runs_going", "runs_finished", "runs_failed"};

    private String[] sample(long seconds) {
        double[] heap = heap();
        Map<String, Long> proc = procStatus();
        return new String[] {Long.toString(seconds), fmt(heap[0]), fmt(heap[1]),
                fmt(proc.getOrDefault("VmRSS", -1024L) / 1024.0), Long.toString(proc.getOrDefault("Threads", -1L)),
                Long.toString(sum("classify", " 200")), Long.toString(sum("classify", " 429")),
                Long.toString(sum("page", "")), Long.toString(errors.values().stream().mapToLong(LongAdder::sum).sum()),
                Long.toString(runsStarted.get()), Integer.toString(runsGoing), Long.toString(outcome("finished")),
                Long.toString(outcome("failed"))};
    }

    private long sum(String prefix, String suffix) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(suffix))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    private long outcome(String what) {
        LongAdder a = runOutcomes.get(what);
        return a == null ? 0 : a.sum();
    }

    private static String fmt(double mb) {
        return mb < 0 ? "" : String.format(Locale.ROOT, "%.1f", mb);
    }

    /** Used and committed heap in MB (-1 when unknown). */
    private double[] heap() {
        if (heapFromActuator) {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/actuator/metrics/jvm.memory.used?tag=area:heap")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    Object m = ((List<?>) ((Map<?, ?>) Json.parse(r.body())).get("measurements")).getFirst();
                    double used = ((Number) ((Map<?, ?>) m).get("value")).doubleValue() / (1 << 20);
                    double committed = pid > 0 ? jcmdHeap()[1] : -1;
                    return new double[] {used, committed};
                }
            } catch (IOException | RuntimeException e) {
                // fall back to jcmd below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heapFromActuator = false;
            System.out.println("soak: /actuator/metrics is not reachable; heap from jcmd " + pid);
        }
        return pid > 0 ? jcmdHeap() : new double[] {-1, -1};
    }

    private double[] jcmdHeap() {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = JCMD_HEAP.matcher(out);
            if (m.find()) {
                return new double[] {Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0};
            }
        } catch (IOException e) {
            // unknown this time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new double[] {-1, -1};
    }

    /** VmRSS (kB) and Threads from /proc/pid/status; empty when there is no pid or process. */
    private Map<String, Long> procStatus() {
        Map<String, Long> values = new TreeMap<>();
        if (pid <= 0) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                String[] kv = line.split(":\\s+", 2);
                if (kv.length == 2 && (kv[0].equals("VmRSS") || kv[0].equals("Threads"))) {
                    values.put(kv[0], Long.parseLong(kv[1].replace(" kB", "").trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process has gone: nothing to add
        }
        return values;
    }

    private static void writeCsv(Path csv, List<String[]> samples) throws IOException {
        if (csv.getParent() != null) {
            Files.createDirectories(csv.getParent());
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            out.println(String.join(",", COLUMNS));
            for (String[] row : samples) {
                out.println(String.join(",", row));
            }
        }
    }

    private void report(Path csv, List<String[]> samples, int runs) {
        System.out.println("== requests by status");
        new TreeMap<>(counts).forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-28s %,10d%n", k, v.sum()));
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.println("== errors (5xx, timeouts, exceptions, failed runs, Starts with no answer): " + errorCount);
        new TreeMap<>(errors).forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-28s %,10d%n", k, v.sum()));
        errorSamples.forEach(s -> System.out.println("  e.g. " + s));
        System.out.printf(Locale.ROOT, "== runs (%d trainers): started %d, finished %d, failed %d, stopped %d, refused %d,"
                        + " still going at the end %d%n", runs, runsStarted.get(), outcome("finished"), outcome("failed"),
                outcome("stopped"), outcome("refused at start"), runsGoing);
        refusals.forEach((k, v) -> System.out.printf(Locale.ROOT, "  refused %d× at Start: %s%n", v.sum(), k));
        List<Long> lat;
        synchronized (latenciesMicros) {
            lat = new ArrayList<>(latenciesMicros);
        }
        Collections.sort(lat);
        if (!lat.isEmpty()) {
            System.out.printf(Locale.ROOT, "== classify latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d readings)%n",
                    lat.get(lat.size() / 2) / 1000.0, lat.get((int) (lat.size() * 0.99)) / 1000.0, lat.getLast() / 1000.0,
                    lat.size());
        }
        System.out.printf(Locale.ROOT, "== peaks: heap used %s MB, heap committed %s MB, RSS %s MB, threads %s,"
                + " runs going at once %s%n", peak(samples, 1), peak(samples, 2), peak(samples, 3), peak(samples, 4),
                peak(samples, 10));
        System.out.println("== samples (every 10 s): " + csv.toAbsolutePath());
    }

    private static String peak(List<String[]> samples, int column) {
        return samples.stream().map(s -> s[column]).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).max()
                .stream().mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).findFirst().orElse("unknown");
    }
}
