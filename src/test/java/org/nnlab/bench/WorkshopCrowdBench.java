package org.nnlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.nnlab.engine.json.Json;

/**
 * Not a test: a workshop of {@code participants} people in one room, each a real Vaadin UI in a browser, on
 * the production jar. Run from the repository after {@code mvn -B -o package -DskipTests} and
 * {@code mvn -B -o test-compile}:
 * <pre>
 * mvn -B -o -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.nnlab.bench.WorkshopCrowdBench \
 *   -Dexec.args="100 30 5"     # participants, of them training, drawings each [, parallel people (16)]
 * </pre>
 * Participants are driven in one of two ways, named in the first line of output: by default
 * ({@code -Dbench.participants=flow}) each is a Vaadin session over HTTP and WebSocket, spoken the way Flow's
 * browser client speaks it ({@link FlowClient}: init request, CSRF token, UIDL requests, Atmosphere push), so
 * that no browser competes with the server for the cores; with {@code -Dbench.participants=chromium} each is a
 * browser context in the one headless Chromium, as below. The instructor is always a Chromium page; the
 * arrival of each push frame in it is taken from the DevTools Network events, so a grid delay splits into
 * "push frame arrived" and "arrived -> shown".
 * <p>
 * It starts {@code target/nnlab-*.jar} itself ({@code -Xmx2g}, a fresh data directory, the room's share of
 * runs raised to the trainers and the join limit per address raised, since every participant comes from
 * 127.0.0.1; {@code -Dbench.jvm="-XX:+UseParallelGC -Xss512k"} adds JVM options, space-separated, after
 * {@code -Xmx2g}; {@code -Dbench.jfr=file.jfr} records the server with JFR) and ONE headless Chromium in which every
 * person is a browser context of their own (own cookies: own owner id, own Vaadin session) driven over the
 * DevTools protocol ({@link Cdp}): clicks, typing and pen strokes are input events the browser dispatches as a
 * user's. 100 Chromium processes with a driver each would not fit two cores.
 * <ol>
 * <li>The instructor opens a room on /workshop, pushes a setup (LeNet-5, MNIST 5,000, 10 epochs), and the
 * bench watches the participant grid in the instructor's page: a mutation observer notes, in the page, when
 * each row first shows a participant, a run and each count of drawings. The grid is made to render all its
 * rows ({@code allRowsVisible}, as on a tall projector screen), so that every row is on the page.</li>
 * <li>Everyone joins at /join/CODE (nickname typed, join clicked) and opens the class's draw page
 * (workshop/draw). Used heap after a full GC is read before and after: the difference over the participants
 * is the heap each costs.</li>
 * <li>{@code trainers} of them open the pushed setup from the room banner, press Start on the Train page
 * and go back; then everyone draws {@code drawings} digits (the one the page asks for) with the pen and sends
 * each, with a pause of 0.3–1.5 s.</li>
 * </ol>
 * Throughout (from the first join to the last drawing) a client in a JVM of its own ({@link ClassifyProbe}) posts
 * a digit to {@code POST /api/v1/classify} ten times a second (the API's own limit for one client) and times each
 * answer, reported by phase beside the server's own time for the same requests (from Tomcat's access log, which
 * the bench turns on).
 * The grid delay of an action is the time from just before its click was sent to the browser until the
 * instructor's page showed it (both clocks are this machine's). Errors: the server log's ERROR and WARN
 * lines, console errors and uncaught exceptions of every page, actions the grid never showed, and failed
 * steps.
 */
public final class WorkshopCrowdBench {
    final String base;
    private final HeadlessChromium chromium;
    private final Map<String, Long> actions = new ConcurrentHashMap<>();
    /** When the person's own page showed the server's answer to an action: splits its delay into before and after. */
    private final Map<String, Long> answers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorCounts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final Map<String, String> tabNames = new ConcurrentHashMap<>();
    /** When each phase of the bench began (wall clock, ms), to sort the classify probe's answers by. */
    private final List<Map.Entry<Long, String>> phases = new ArrayList<>();
    /** When the bench made the server collect its heap (to read it), from and to (ms): classify answers then are not counted. */
    private final List<long[]> forcedGcs = new ArrayList<>();
    private final Path accessLogs;
    /** Participants in browser contexts (true) or driven over Vaadin's protocol by {@link FlowClient} (false). */
    private final boolean browsers = "chromium".equals(System.getProperty("bench.participants", "flow"));
    /** Push frames the instructor's page received that name a participant: when, and what. */
    private final ConcurrentLinkedQueue<Map.Entry<Long, String>> instructorFrames = new ConcurrentLinkedQueue<>();
    private volatile String instructorSession = "";
    private final Map<String, String> instructorRequests = new ConcurrentHashMap<>();

    private WorkshopCrowdBench(String base, HeadlessChromium chromium, Path accessLogs) {
        this.base = base;
        this.chromium = chromium;
        this.accessLogs = accessLogs;
        chromium.cdp.listen(this::browserEvent);
    }

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int trainers = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int drawings = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean browsers = "chromium".equals(System.getProperty("bench.participants", "flow"));
        int parallel = args.length > 3 ? Integer.parseInt(args[3]) : browsers ? 16 : participants;
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        // The server's thread priorities and collector as deployed (Dockerfile, spring-boot:run): training at nice 15,
        // JIT at nice 5, ZGC (-Dbench.jvm=-XX:+UseG1GC measures with G1 instead: the later option wins)
        List<String> jvm = new ArrayList<>(List.of("-Xmx2g", "-XX:ThreadPriorityPolicy=1",
                "-XX:JavaPriority4_To_OSPriority=15", "-XX:CompilerThreadPriority=5", "-XX:+UseZGC"));
        String extra = System.getProperty("bench.jvm", "").strip();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
            jvm.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile");
        }
        double[] load0 = loadAverage();
        long began = System.nanoTime();
        List<String> serverArgs = new ArrayList<>(List.of(
                "--nnlab.workshop.max-concurrent-runs-per-room=" + Math.max(4, trainers),
                "--nnlab.workshop.join-attempts-per-minute=" + (participants * 2 + 10),
                "--nnlab.training.max-active=" + Math.max(32, trainers + 2)));
        // the server's own time for each classify probe request (the probe names each in an X-Probe header)
        Path accessLogs = Path.of("target", "crowd-" + stamp + "-access").toAbsolutePath();
        serverArgs.addAll(List.of("--server.tomcat.accesslog.enabled=true", "--server.tomcat.accesslog.directory=" + accessLogs,
                "--server.tomcat.accesslog.pattern=" + ClassifyProbe.ACCESS_LOG_PATTERN, "--server.tomcat.accesslog.buffered=false",
                "--server.tomcat.accesslog.rotate=false"));
        String moreArgs = System.getProperty("bench.server", "").strip();
        if (!moreArgs.isEmpty()) {
            serverArgs.addAll(List.of(moreArgs.split("\\s+")));
        }
        try (BenchServer server = BenchServer.start(BenchServer.builtJar(), jvm, serverArgs,
                Path.of("target", "crowd-" + stamp + "-server.log"));
             HeadlessChromium chromium = new HeadlessChromium()) {
            System.out.println("crowd: server JVM options " + jvm);
            if (!browsers) {
                System.out.println("crowd: " + ClientNice.describe());
            }
            System.out.printf(Locale.ROOT, "crowd: server pid %d at %s (log %s), %d participants, %d training, %d drawings"
                    + " each, %d at a time; participants as %s; load average %.2f %.2f %.2f%n", server.pid, server.base, server.log,
                    participants, trainers, drawings, parallel, browsers ? "Chromium browser contexts"
                            : "Vaadin sessions over HTTP/WebSocket (FlowClient)", load0[0], load0[1], load0[2]);
            // in a class the server has been up for a while: its start-up work in the background (reading MNIST,
            // warming the kernels) ran into the joins and the heap's baseline (read 126 instead of 291 MB once)
            long waited = System.nanoTime();
            List<String> missing = server.awaitLog(Duration.ofMinutes(2), "MNIST read ahead", "Training warmed up");
            System.out.printf(Locale.ROOT, "crowd: the server's start-up work done after %.0f s more%s; the classify probe"
                    + " in a JVM of its own%n", (System.nanoTime() - waited) / 1e9, missing.isEmpty() ? "" : " (not seen: " + missing + ")");
            WorkshopCrowdBench bench = new WorkshopCrowdBench(server.base, chromium, accessLogs);
            bench.run(server, participants, trainers, drawings, parallel);
            List<String> complaints = server.complaints();
            System.out.printf(Locale.ROOT, "== server log: %d ERROR/WARN/exception lines%n", complaints.size());
            complaints.stream().limit(15).forEach(l -> System.out.println("  " + l));
        }
        double[] load1 = loadAverage();
        System.out.printf(Locale.ROOT, "== took %.0f s; load average at the end %.2f %.2f %.2f (1, 5, 15 min) on %d cores%n",
                (System.nanoTime() - began) / 1e9, load1[0], load1[1], load1[2], Runtime.getRuntime().availableProcessors());
    }

    /** A participant: a browser context ({@code tab}) or Flow's protocol over HTTP and WebSocket ({@code flow}). */
    record Person(int index, String nickname, CdpTab tab, FlowClient flow) {
        @Override
        public String toString() {
            return nickname;
        }
    }

    private void run(BenchServer server, int participants, int trainers, int drawings, int parallel) throws Exception {
        CdpTab instructor = tab("instructor", 1400, 1000);
        instructorSession = instructor.session;
        instructor.send("Network.enable", Map.of());
        instructor.send("Performance.enable", Map.of());
        String code = InstructorPage.openRoom(instructor, base);
        System.out.println("crowd: room " + code + "; grid columns: " + instructor.eval(InstructorPage.GRID_WATCH));
        double heapBefore = BenchServer.heapMb(server.pid, true);
        ClassifyProbe probe = ClassifyProbe.start(base, Path.of("target", "crowd-classify-probe.txt"));
        phase("joining");

        List<Person> people = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            people.add(new Person(i, String.format(Locale.ROOT, "Learner %03d", i + 1), null, null));
        }
        List<Person> joined = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        Map<String, Double> busy0 = InstructorPage.mainThread(instructor);
        boolean profile = Boolean.getBoolean("bench.profile");
        if (profile) {
            instructor.send("Profiler.enable", Map.of());
            instructor.send("Profiler.setSamplingInterval", Map.of("interval", 1000));
            instructor.send("Profiler.start", Map.of());
        }
        each(people, Math.min(parallel, 6), p -> joined.add(browsers ? ChromiumParticipant.join(this, p, code) : FlowParticipant.join(this, p, code)));
        System.out.printf(Locale.ROOT, "crowd: %d joined and on workshop/draw in %.0f s; %s%n", joined.size(),
                (System.nanoTime() - t0) / 1e9, InstructorPage.busySince(busy0, InstructorPage.mainThread(instructor)));
        if (profile) {
            InstructorPage.printProfile("joining", instructor.send("Profiler.stop", Map.of()));
            instructor.send("Profiler.start", Map.of());
        }
        long gcFrom = System.currentTimeMillis();
        double heapAfter = BenchServer.heapMb(server.pid, true);
        forcedGcs.add(new long[] {gcFrom, System.currentTimeMillis()});
        double rssJoined = BenchServer.rssMb(server.pid);
        double browserRss = chromium.pssMb();

        joined.sort(java.util.Comparator.comparingInt(Person::index));
        List<Person> training = joined.subList(0, Math.min(trainers, joined.size()));
        phase("starting runs");
        t0 = System.nanoTime();
        each(training, Math.min(parallel, 6), p -> {
            if (browsers) {
                ChromiumParticipant.startRun(this, p);
            } else {
                FlowParticipant.startRun(this, p);
            }
        });
        System.out.printf(Locale.ROOT, "crowd: %d runs started in %.0f s; runs shown in the grid: %s%n", training.size(),
                (System.nanoTime() - t0) / 1e9, InstructorPage.runStates(instructor));

        phase("drawing");
        double peakRss = rssJoined;
        t0 = System.nanoTime();
        Map<String, Double> busy1 = InstructorPage.mainThread(instructor);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<?>> drawn = new ArrayList<>();
        for (Person p : joined) {
            drawn.add(pool.submit(() -> {
                if (browsers) {
                    ChromiumParticipant.draw(this, p, drawings);
                } else {
                    FlowParticipant.draw(this, p, drawings);
                }
            }));
        }
        while (!drawn.stream().allMatch(Future::isDone)) {
            peakRss = Math.max(peakRss, BenchServer.rssMb(server.pid));
            Thread.sleep(2000);
        }
        pool.shutdown();
        double drawSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.println("crowd: drawing phase: " + InstructorPage.busySince(busy1, InstructorPage.mainThread(instructor)));
        if (profile) {
            InstructorPage.printProfile("starting runs and drawing", instructor.send("Profiler.stop", Map.of()));
        }
        String runsAfter = InstructorPage.runStates(instructor);
        System.out.println("crowd: instructor's page: " + instructor.text("(() => { const g = document.getElementById('participant-grid');"
                + " const rows = g.shadowRoot.querySelectorAll('tbody#items > tr:not([hidden])').length;"
                + " const busy = Object.values(Vaadin.Flow.clients).map(c => c.isActive && c.isActive());"
                + " return 'grid size ' + g.size + ', rows in the DOM ' + rows + ', allRowsVisible ' + g.allRowsVisible"
                + " + ', height ' + g.getBoundingClientRect().height + ', client busy ' + busy; })()")
                + "; push frames naming a participant: " + instructorFrames.size() + "; requests unanswered: " + instructorRequests.values());
        Thread.sleep(3000);
        List<ClassifyProbe.Answer> classified = probe.stop();

        joined.stream().filter(p -> p.flow() != null).forEach(p -> p.flow().close());
        ClassifyProbe.report(classified, ClassifyProbe.serverMicros(accessLogs), phases, forcedGcs, this::error);
        report(instructor, heapBefore, heapAfter, joined.size(), rssJoined, peakRss, browserRss, drawSeconds, runsAfter);
    }

    private void phase(String name) {
        phases.add(Map.entry(System.currentTimeMillis(), name));
    }

    CdpTab tab(String name, int width, int height) {
        CdpTab tab = CdpTab.open(chromium.cdp, name, width, height);
        tabNames.put(tab.session, name);
        return tab;
    }

    /** Notes when a person's action was sent to the browser. */
    void act(Person p, String what) {
        actions.put(p.nickname() + "|" + what, System.currentTimeMillis());
    }

    /** Notes when the person's page showed that the server had done the action. */
    void answered(Person p, String what) {
        answers.put(p.nickname() + "|" + what, System.currentTimeMillis());
    }

    private <T> void each(List<T> items, int threads, Consumer<T> work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (T item : items) {
            pool.execute(() -> {
                try {
                    work.accept(item);
                } catch (RuntimeException e) {
                    error("step failed", item + ": " + e.getMessage());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
    }

    private void browserEvent(String session, String method, Map<String, Object> params) {
        String where = tabNames.getOrDefault(session == null ? "" : session, "browser");
        switch (method) {
            case "Network.webSocketFrameReceived" -> {
                if (instructorSession.equals(session) && params.get("response") instanceof Map<?, ?> r
                        && r.get("payloadData") instanceof String data) {
                    if (data.contains("Learner")) {
                        instructorFrames.add(Map.entry(System.currentTimeMillis(), data));
                    }
                }
            }
            case "Network.requestWillBeSent" -> {
                if (instructorSession.equals(session) && String.valueOf(((Map<?, ?>) params.get("request")).get("url")).startsWith("http")) {
                    instructorRequests.put((String) params.get("requestId"), System.currentTimeMillis() + " "
                            + ((Map<?, ?>) params.get("request")).get("url"));
                }
            }
            case "Network.webSocketClosed" -> {
                if (instructorSession.equals(session)) {
                    System.out.println("crowd: instructor's page: " + method + " " + params);
                }
            }
            case "Network.loadingFinished", "Network.loadingFailed" -> {
                if (instructorSession.equals(session)) {
                    instructorRequests.remove((String) params.get("requestId"));
                }
            }
            case "Runtime.exceptionThrown" -> error("page exception", where + ": " + params.get("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.get("type")) || "assert".equals(params.get("type"))) {
                    error("console error", where + ": " + params.get("args"));
                }
            }
            case "Log.entryAdded" -> {
                Map<?, ?> entry = (Map<?, ?>) params.get("entry");
                if ("error".equals(entry.get("level"))) {
                    error("console error", where + ": " + entry.get("text") + " " + (entry.get("url") == null ? "" : entry.get("url")));
                }
            }
            default -> {
                // other events are not ours
            }
        }
    }

    void error(String kind, String detail) {
        errorCounts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (errorSamples.size() < 15) {
            errorSamples.add(kind + ": " + (detail.length() > 300 ? detail.substring(0, 300) + "…" : detail));
        }
    }

    @SuppressWarnings("unchecked")
    private void report(CdpTab instructor, double heapBefore, double heapAfter, int joined, double rssJoined,
                        double peakRss, double browserRss, double drawSeconds, String runsAfter) {
        Map<String, Object> seen = (Map<String, Object>) Json.parse(instructor.text("JSON.stringify(window.__crowdSeen)"));
        GridDelays.report(seen, actions, answers, new ArrayList<>(instructorFrames), this::error);
        System.out.printf(Locale.ROOT, "== heap after GC: %.1f MB before joins, %.1f MB with %d joined: %.2f MB per participant%n",
                heapBefore, heapAfter, joined, (heapAfter - heapBefore) / Math.max(1, joined));
        System.out.printf(Locale.ROOT, "== server RSS %.0f MB with everyone joined, peak %.0f MB while drawing and training;"
                + " Chromium (PSS of all its processes) %.0f MB%n", rssJoined, peakRss, browserRss);
        System.out.printf(Locale.ROOT, "== drawing phase %.0f s; runs in the grid at its end: %s%n", drawSeconds, runsAfter);
        long errors = errorCounts.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.println("== errors (console, page exceptions, failed steps, actions never shown): " + errors);
        new TreeMap<>(errorCounts).forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-26s %d%n", k, v.sum()));
        errorSamples.forEach(s -> System.out.println("  e.g. " + s));
    }

    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (java.io.IOException e) {
            return new double[] {-1, -1, -1};
        }
    }
}
