package org.nnlab.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nnlab.Application;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.model.Presets;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a unit test: many training jobs at once while the classify API is called without pause.
 * Starts the whole app (test profile, H2 in memory, MNIST from the data directory, classify rate limit
 * lifted), warms the JIT with one LeNet-5 job, measures one job alone, then {@code jobs} LeNet-5 jobs of
 * different owners on MNIST subsets for {@code seconds}, then one job alone again (the two solo figures
 * show the spread), while one client posts a test digit to {@code POST /api/v1/classify} back to back.
 * One job alone is measured twice each time: without the classify client (the job has both cores to
 * itself: the figure the many jobs' total is held against) and with it (the client and the server's
 * answers take CPU from the job); the many jobs train once more without the client for half the time.
 * Prints each job's samples per second, the total against the solo figures, the classify latency p50/p99,
 * the process's resident memory (VmRSS, sampled every second while the jobs run) and the garbage
 * collections during the run, and for every measurement the cores the process used and its busiest threads.
 * With a fourth argument {@code solo} it stops after the first lone job's figure.
 * <pre>
 * MAVEN_OPTS="--add-modules jdk.incubator.vector -Xmx6g" mvn -o -q test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=org.nnlab.bench.TrainingUnderLoadBench -Dexec.args="60 30 2000"
 * </pre>
 */
public final class TrainingUnderLoadBench {
    /**
     * Epochs per job: more than any job trains in a measurement, so none ends inside one. (With 50 epochs of
     * 1,800 samples a lone job was done after about 5 s of a 10 s window, and its rate read as half of what
     * it trains: the "one job alone behaves as if it had one core" of issue 20.)
     */
    private static final int EPOCHS = 100_000;

    private TrainingUnderLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int subset = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Path dataDir = DataDirectory.resolve(null);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0", "--nnlab.data-dir=" + dataDir, "--nnlab.classify.rate-limit.burst=1000000",
                        "--nnlab.classify.rate-limit.per-second=1000000", "--nnlab.training.max-active=" + (jobs + 2),
                        "--nnlab.training.max-epochs=" + EPOCHS, "--nnlab.training.max-samples=" + Long.MAX_VALUE,
                        "--logging.level.org.nnlab.training=warn", "--vaadin.launch-browser=false");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            TrainingService training = app.getBean(TrainingService.class);
            String body = digitJson(dataDir);
            System.out.printf(Locale.ROOT, "cores %d, workers %d, LeNet-5 (%,d parameters), MNIST subsets of %d, %d s%n",
                    Runtime.getRuntime().availableProcessors(), training.properties().workerCount(),
                    Presets.LENET.spec().paramCount(), subset, seconds);

            int soloSeconds = Math.max(10, seconds / 4);
            run(training, 1, subset, 2 * soloSeconds, port, body, new ArrayList<>());
            double quiet = run(training, 1, subset, soloSeconds, port, null, null)[0];
            if (args.length > 3 && args[3].equals("solo")) {
                System.out.printf(Locale.ROOT, "alone (after a warm-up run): %.0f samples/s without the classify client%n", quiet);
                return;
            }
            List<Long> soloLatencies = new ArrayList<>();
            double solo = run(training, 1, subset, soloSeconds, port, body, soloLatencies)[0];
            System.out.printf(Locale.ROOT, "alone (after a warm-up run): %.0f samples/s without the classify client; %.0f with it,"
                            + " classify p50 %.1f ms p99 %.1f ms (%d calls)%n",
                    quiet, solo, percentile(soloLatencies, 50), percentile(soloLatencies, 99), soloLatencies.size());

            List<Long> latencies = new ArrayList<>();
            long gcCount = gcCount();
            long gcMillis = gcMillis();
            long[] rss = {0};
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (sampling.get()) {
                    rss[0] = Math.max(rss[0], residentKb());
                    sleep(1000);
                }
            });
            double[] rates = run(training, jobs, subset, seconds, port, body, latencies);
            sampling.set(false);
            sampler.join();
            long collections = gcCount() - gcCount;
            long collectedMillis = gcMillis() - gcMillis;
            double[] withoutClient = run(training, jobs, subset, Math.max(10, seconds / 2), port, null, null);
            double quietAfter = run(training, 1, subset, soloSeconds, port, null, null)[0];
            double soloAfter = run(training, 1, subset, soloSeconds, port, body, new ArrayList<>())[0];
            double sum = Arrays.stream(rates).sum();
            double mean = sum / rates.length;
            for (int i = 0; i < rates.length; i++) {
                System.out.printf(Locale.ROOT, "job %2d: %7.1f samples/s (%+.0f %% from the mean)%n", i + 1, rates[i],
                        100 * (rates[i] / mean - 1));
            }
            System.out.printf(Locale.ROOT, "%d jobs: mean %.1f samples/s each (%.3f of alone, fair share %.3f), total %.0f,"
                            + " min %.1f, max %.1f%n", jobs, mean, mean / solo, 1.0 / jobs, sum,
                    Arrays.stream(rates).min().orElse(0), Arrays.stream(rates).max().orElse(0));
            System.out.printf(Locale.ROOT, "alone again: %.0f samples/s without the client, %.0f with it%n", quietAfter, soloAfter);
            System.out.printf(Locale.ROOT, "%d jobs together (with the client): %.0f = %.3f and %.3f of one job alone without the"
                    + " client, %.3f and %.3f of one job alone with it%n", jobs, sum, sum / quiet, sum / quietAfter, sum / solo,
                    sum / soloAfter);
            double sumQuiet = Arrays.stream(withoutClient).sum();
            System.out.printf(Locale.ROOT, "%d jobs together without the client: %.0f = %.3f and %.3f of one job alone without it"
                    + " (min %.1f, max %.1f)%n", jobs, sumQuiet, sumQuiet / quiet, sumQuiet / quietAfter,
                    Arrays.stream(withoutClient).min().orElse(0), Arrays.stream(withoutClient).max().orElse(0));
            System.out.printf(Locale.ROOT, "classify under load: p50 %.1f ms, p99 %.1f ms, %d calls (%.1f/s)%n",
                    percentile(latencies, 50), percentile(latencies, 99), latencies.size(), latencies.size() / (double) seconds);
            System.out.printf(Locale.ROOT, "while %d jobs ran: peak RSS %.0f MB, heap used %.0f MB, %d collections taking %d ms%n",
                    jobs, rss[0] / 1024.0, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6,
                    collections, collectedMillis);
        } finally {
            app.close();
        }
    }

    /**
     * Starts {@code jobs} jobs, lets them train for {@code seconds} while classifying (not when {@code body} is
     * null), stops them; samples/s per job.
     */
    private static double[] run(TrainingService training, int jobs, int subset, int seconds, int port, String body,
                                List<Long> latencies) throws Exception {
        List<String> owners = new ArrayList<>();
        List<JobId> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            String owner = "bench-" + System.nanoTime() + "-" + i;
            TrainingRequest request = new TrainingRequest("lenet", Presets.LENET.spec(), DataChoice.mnist(subset),
                    Presets.LENET.training().optimizer(), 64, EPOCHS, i, false, 0.1);
            owners.add(owner);
            ids.add(training.start(owner, request).id());
        }
        waitUntilAllTrained(training, owners, ids);
        int[] startSteps = new int[jobs];
        for (int i = 0; i < jobs; i++) {
            startSteps[i] = training.snapshot(owners.get(i), ids.get(i)).step();
        }
        AtomicBoolean going = new AtomicBoolean(true);
        Thread client = body == null ? null : Thread.ofPlatform().start(() -> classifyLoop(port, body, going, latencies));
        ThreadCpu cpu = ThreadCpu.start();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        cpu.print(jobs + (jobs == 1 ? " job" : " jobs") + (body == null ? " without" : " with") + " the client");
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] rates = new double[jobs];
        for (int i = 0; i < jobs; i++) {
            JobSnapshot s = training.snapshot(owners.get(i), ids.get(i));
            if (s.isFinal()) {
                throw new IllegalStateException("job " + i + " ended inside the measurement (" + s.state() + ", step "
                        + s.step() + "): its rate would count idle time");
            }
            rates[i] = (s.step() - startSteps[i]) * 64 / elapsed;
        }
        going.set(false);
        if (client != null) {
            client.join();
        }
        for (int i = 0; i < jobs; i++) {
            training.stop(owners.get(i), ids.get(i));
        }
        Thread.sleep(2000);
        return rates;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** This process's resident set in KiB, from /proc (0 where there is none). */
    private static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every job has built its model and trained a first step (loading MNIST takes a moment). */
    private static void waitUntilAllTrained(TrainingService training, List<String> owners, List<JobId> ids)
            throws InterruptedException {
        for (int i = 0; i < owners.size(); i++) {
            JobSnapshot s;
            while ((s = training.snapshot(owners.get(i), ids.get(i))).step() == 0) {
                if (s.isFinal()) {
                    throw new IllegalStateException("job " + i + " ended before training: " + s.message());
                }
                Thread.sleep(100);
            }
        }
    }

    private static void classifyLoop(int port, String body, AtomicBoolean going, List<Long> latencies) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/classify?preprocess=false"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        while (going.get()) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("classify answered " + r.statusCode() + ": " + r.body());
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            synchronized (latencies) {
                latencies.add(System.nanoTime() - t0);
            }
        }
    }

    private static String digitJson(Path dataDir) throws java.io.IOException {
        LabeledImages test = Mnist.load(DataDirectory.mnist(dataDir), Mnist.Split.TEST);
        StringBuilder sb = new StringBuilder("{\"pixels\":[");
        float[] image = test.image(0);
        for (int i = 0; i < image.length; i++) {
            sb.append(i > 0 ? "," : "").append(image[i]);
        }
        return sb.append("]}").toString();
    }

    private static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
