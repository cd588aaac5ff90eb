package org.nnlab.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.nnlab.engine.json.Json;
import org.nnlab.reliability.Probes;

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
 * Throughout (from the first join to the last drawing) a client posts a digit to {@code POST /api/v1/classify}
 * ten times a second (the API's own limit for one client) and times each answer, reported by phase.
 * The grid delay of an action is the time from just before its click was sent to the browser until the
 * instructor's page showed it (both clocks are this machine's). Errors: the server log's ERROR and WARN
 * lines, console errors and uncaught exceptions of every page, actions the grid never showed, and failed
 * steps.
 */
public final class WorkshopCrowdBench {
    private static final String GRID_WATCH = """
            (() => {
              const grid = document.getElementById('participant-grid');
              grid.style.height = 'auto';
              grid.allRowsVisible = true;
              const seen = window.__crowdSeen = {};
              const mark = (k, now) => { if (!(k in seen)) seen[k] = now; };
              const text = td => { const s = td.querySelector('slot'); const n = s && s.assignedNodes()[0];
                return n ? n.textContent.trim() : ''; };
              const scan = () => {
                const now = Date.now();
                if (!grid.allRowsVisible) { grid.style.height = 'auto'; grid.allRowsVisible = true; }
                for (const tr of grid.shadowRoot.querySelectorAll('tbody#items > tr')) {
                  if (tr.hidden) continue;
                  const cells = Array.from(tr.querySelectorAll('td'), text);
                  if (!cells[0]) continue;
                  mark(cells[0] + '|join', now);
                  if (cells[3]) mark(cells[0] + '|train', now);
                  const n = parseInt(cells[7], 10);
                  for (let i = 1; i <= n; i++) mark(cells[0] + '|draw' + i, now);
                }
              };
              // once a frame at most, just before it is painted: scanning all rows on every mutation took a
              // seventh of the page's time while a class was drawing (a profile of this bench)
              let queued = false;
              const soon = () => { if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; scan(); }); } };
              new MutationObserver(soon).observe(grid, {subtree: true, childList: true, characterData: true});
              new MutationObserver(soon).observe(grid.shadowRoot, {subtree: true, childList: true, attributes: true});
              setInterval(scan, 500);
              scan();
              return Array.from(grid.shadowRoot.querySelectorAll('thead th'), text).join(' | ');
            })()""";
    private static final String PAD = "document.getElementById('class-pad').shadowRoot.querySelector('canvas')";

    final String base;
    private final HeadlessChromium chromium;
    private final Map<String, Long> actions = new ConcurrentHashMap<>();
    /** When the person's own page showed the server's answer to an action: splits its delay into before and after. */
    private final Map<String, Long> answers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorCounts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final Map<String, String> tabNames = new ConcurrentHashMap<>();
    /** Classify API answer times by phase of the bench (joining, starting runs, drawing), in microseconds. */
    private final Map<String, List<Long>> classifyMicros = new ConcurrentHashMap<>();
    private volatile String phase = "joining";
    private volatile boolean classifying;
    /** While the bench makes the server collect its heap (to read it): classify answers then are not counted. */
    private volatile boolean forcedGc;
    private final LongAdder classifyDuringGc = new LongAdder();
    /** Classify answers slower than 50 ms as this client saw them: wall clock at the send, phase, ms; to read beside the server log. */
    private final ConcurrentLinkedQueue<String> slowClassify = new ConcurrentLinkedQueue<>();
    /** Participants in browser contexts (true) or driven over Vaadin's protocol by {@link FlowClient} (false). */
    private final boolean browsers = "chromium".equals(System.getProperty("bench.participants", "flow"));
    /** Push frames the instructor's page received that name a participant: when, and what. */
    private final ConcurrentLinkedQueue<Map.Entry<Long, String>> instructorFrames = new ConcurrentLinkedQueue<>();
    private volatile String instructorSession = "";
    private final Map<String, String> instructorRequests = new ConcurrentHashMap<>();

    private WorkshopCrowdBench(String base, HeadlessChromium chromium) {
        this.base = base;
        this.chromium = chromium;
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
            WorkshopCrowdBench bench = new WorkshopCrowdBench(server.base, chromium);
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
        String code = openRoom(instructor);
        System.out.println("crowd: room " + code + "; grid columns: " + instructor.eval(GRID_WATCH));
        double heapBefore = BenchServer.heapMb(server.pid, true);
        classifying = true;
        Thread probe = Thread.ofPlatform().name("classify-probe").start(this::classifyProbe);

        List<Person> people = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            people.add(new Person(i, String.format(Locale.ROOT, "Learner %03d", i + 1), null, null));
        }
        List<Person> joined = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        Map<String, Double> busy0 = mainThread(instructor);
        boolean profile = Boolean.getBoolean("bench.profile");
        if (profile) {
            instructor.send("Profiler.enable", Map.of());
            instructor.send("Profiler.setSamplingInterval", Map.of("interval", 1000));
            instructor.send("Profiler.start", Map.of());
        }
        each(people, Math.min(parallel, 6), p -> joined.add(browsers ? join(p, code) : FlowParticipant.join(this, p, code)));
        System.out.printf(Locale.ROOT, "crowd: %d joined and on workshop/draw in %.0f s; %s%n", joined.size(),
                (System.nanoTime() - t0) / 1e9, busySince(busy0, mainThread(instructor)));
        if (profile) {
            printProfile("joining", instructor.send("Profiler.stop", Map.of()));
            instructor.send("Profiler.start", Map.of());
        }
        forcedGc = true;
        double heapAfter = BenchServer.heapMb(server.pid, true);
        forcedGc = false;
        double rssJoined = BenchServer.rssMb(server.pid);
        double browserRss = chromium.pssMb();

        joined.sort(java.util.Comparator.comparingInt(Person::index));
        List<Person> training = joined.subList(0, Math.min(trainers, joined.size()));
        phase = "starting runs";
        t0 = System.nanoTime();
        each(training, Math.min(parallel, 6), p -> {
            if (browsers) {
                startRun(p);
            } else {
                FlowParticipant.startRun(this, p);
            }
        });
        System.out.printf(Locale.ROOT, "crowd: %d runs started in %.0f s; runs shown in the grid: %s%n", training.size(),
                (System.nanoTime() - t0) / 1e9, runStates(instructor));

        phase = "drawing";
        double peakRss = rssJoined;
        t0 = System.nanoTime();
        Map<String, Double> busy1 = mainThread(instructor);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<?>> drawn = new ArrayList<>();
        for (Person p : joined) {
            drawn.add(pool.submit(() -> {
                if (browsers) {
                    draw(p, drawings);
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
        System.out.println("crowd: drawing phase: " + busySince(busy1, mainThread(instructor)));
        if (profile) {
            printProfile("starting runs and drawing", instructor.send("Profiler.stop", Map.of()));
        }
        String runsAfter = runStates(instructor);
        System.out.println("crowd: instructor's page: " + instructor.text("(() => { const g = document.getElementById('participant-grid');"
                + " const rows = g.shadowRoot.querySelectorAll('tbody#items > tr:not([hidden])').length;"
                + " const busy = Object.values(Vaadin.Flow.clients).map(c => c.isActive && c.isActive());"
                + " return 'grid size ' + g.size + ', rows in the DOM ' + rows + ', allRowsVisible ' + g.allRowsVisible"
                + " + ', height ' + g.getBoundingClientRect().height + ', client busy ' + busy; })()")
                + "; push frames naming a participant: " + instructorFrames.size() + "; requests unanswered: " + instructorRequests.values());
        Thread.sleep(3000);
        classifying = false;
        probe.join();

        joined.stream().filter(p -> p.flow() != null).forEach(p -> p.flow().close());
        report(instructor, heapBefore, heapAfter, joined.size(), rssJoined, peakRss, browserRss, drawSeconds, runsAfter);
    }

    private CdpTab tab(String name, int width, int height) {
        CdpTab tab = CdpTab.open(chromium.cdp, name, width, height);
        tabNames.put(tab.session, name);
        return tab;
    }

    private String openRoom(CdpTab instructor) {
        instructor.navigate(base + "/workshop");
        instructor.waitFor("document.querySelector('#room-title input') && " + CdpTab.VAADIN_IDLE);
        instructor.click("document.querySelector('#room-title input')");
        instructor.type("Crowd bench");
        instructor.click("document.getElementById('room-create')");
        instructor.waitFor("(document.getElementById('room-code')?.innerText || '').trim().length == 6 && " + CdpTab.VAADIN_IDLE);
        String code = instructor.text("document.getElementById('room-code').innerText.trim()");
        instructor.click("document.getElementById('setup-network')");
        String lenet = "Array.from(document.querySelectorAll('vaadin-select-item')).find(i => i.getBoundingClientRect().width > 0 && i.textContent.trim() == 'LeNet-5')";
        instructor.waitFor(lenet);
        instructor.click(lenet);
        instructor.waitFor(CdpTab.VAADIN_IDLE);
        instructor.click("document.querySelector('#setup-epochs input')");
        instructor.eval("document.querySelector('#setup-epochs input').select()");
        instructor.type("10");
        instructor.waitFor(CdpTab.VAADIN_IDLE);
        String answered = "(document.getElementById('setup-sent')?.innerText || '').trim().length > 0"
                + " || document.querySelector('vaadin-notification-card')";
        instructor.click("document.getElementById('push-setup')");
        try {
            instructor.waitFor(answered, Duration.ofSeconds(10));
        } catch (RuntimeException lost) {
            // on a busy machine the first click sometimes lands before the button listens: once more
            System.out.println("crowd: no answer to the pushed setup after 10 s; pressing it again");
            instructor.waitFor(CdpTab.VAADIN_IDLE);
            instructor.click("document.getElementById('push-setup')");
            instructor.waitFor(answered);
        }
        String refused = instructor.text("(document.querySelector('vaadin-notification-card')?.innerText || '')"
                + " + ' / epochs ' + document.querySelector('#setup-epochs input').value");
        System.out.println("crowd: setup pushed; page says: " + refused);
        return code;
    }

    private Person join(Person p, String code) {
        CdpTab tab = tab(p.nickname(), 900, 1000);
        tab.navigate(base + "/join/" + code);
        tab.waitFor("document.querySelector('#join-nickname input') && " + CdpTab.VAADIN_IDLE);
        tab.click("document.querySelector('#join-nickname input')");
        tab.type(p.nickname());
        act(p, "join");
        tab.click("document.getElementById('join-submit')");
        tab.waitFor("location.pathname == '/draw' && " + CdpTab.VAADIN_IDLE);
        answered(p, "join");
        tab.navigate(base + "/workshop/draw");
        tab.waitFor(PAD + " && (document.getElementById('class-prompt')?.innerText || '').length > 0 && " + CdpTab.VAADIN_IDLE);
        return new Person(p.index(), p.nickname(), tab, null);
    }

    private void startRun(Person p) {
        CdpTab tab = p.tab();
        tab.waitFor("document.getElementById('room-open-setup')?.offsetParent");
        tab.click("document.getElementById('room-open-setup')");
        tab.waitFor("location.pathname == '/train' && (document.getElementById('train-sent-setup')?.innerText || '').length > 0"
                + " && !document.getElementById('start').hasAttribute('disabled') && " + CdpTab.VAADIN_IDLE);
        String before = tab.text("document.getElementById('job-status')?.innerText || ''");
        act(p, "train");
        tab.click("document.getElementById('start')");
        tab.waitFor("(document.getElementById('job-status')?.innerText || '') != " + Json.write(before)
                + " || document.querySelector('vaadin-notification-card')");
        answered(p, "train");
        String refused = tab.text("document.querySelector('vaadin-notification-card')?.innerText || ''");
        if (!refused.isBlank()) {
            error("run refused", p.nickname() + ": " + refused);
        }
        tab.eval("history.back()");
        tab.waitFor("location.pathname == '/workshop/draw' && " + PAD + " && " + CdpTab.VAADIN_IDLE);
    }

    private void draw(Person p, int drawings) {
        CdpTab tab = p.tab();
        SplittableRandom random = new SplittableRandom(p.index());
        try {
            for (int n = 1; n <= drawings; n++) {
                String prompt = tab.text("document.getElementById('class-prompt').innerText");
                int digit = prompt.chars().filter(Character::isDigit).map(c -> c - '0').findFirst().orElse(n % 10);
                tab.draw(PAD, Glyphs.of(digit, random));
                tab.waitFor("!document.getElementById('class-send').hasAttribute('disabled')", Duration.ofSeconds(30));
                act(p, "draw" + n);
                tab.click("document.getElementById('class-send')");
                tab.waitFor("document.getElementById('class-status').innerText.includes('" + n + "')", Duration.ofSeconds(30));
                answered(p, "draw" + n);
                CdpTab.sleep(300 + random.nextInt(1200));
            }
        } catch (RuntimeException e) {
            error("drawing failed", p.nickname() + ": " + e.getMessage());
        }
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

    private String runStates(CdpTab instructor) {
        Object states = instructor.eval("(() => { const g = document.getElementById('participant-grid'); const c = {};"
                + " for (const tr of g.shadowRoot.querySelectorAll('tbody#items > tr')) { const td = tr.querySelectorAll('td')[3];"
                + " const s = td && td.querySelector('slot'); const n = s && s.assignedNodes()[0]; const t = n ? n.textContent.trim() : '';"
                + " if (t) c[t] = (c[t] || 0) + 1; } return JSON.stringify(c); })()");
        return String.valueOf(states);
    }

    /** The instructor page's main thread: its cumulative task, script, layout and style times (s), from DevTools. */
    private static Map<String, Double> mainThread(CdpTab instructor) {
        Map<String, Double> m = new TreeMap<>();
        if (instructor.send("Performance.getMetrics", Map.of()).get("metrics") instanceof List<?> metrics) {
            for (Object o : metrics) {
                Map<?, ?> e = (Map<?, ?>) o;
                m.put((String) e.get("name"), ((Number) e.get("value")).doubleValue());
            }
        }
        return m;
    }

    /** How busy the instructor page's main thread was between two {@link #mainThread} readings. */
    private static String busySince(Map<String, Double> before, Map<String, Double> after) {
        double wall = after.getOrDefault("Timestamp", 0.0) - before.getOrDefault("Timestamp", 0.0);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "instructor's page main thread over %.1f s:", wall));
        for (String k : List.of("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")) {
            s.append(String.format(Locale.ROOT, " %s %.1f s", k.replace("Duration", ""), after.getOrDefault(k, 0.0)
                    - before.getOrDefault(k, 0.0)));
        }
        return s.toString();
    }

    /** The functions of the instructor's page that took the most time of a DevTools CPU profile, self and total. */
    private static void printProfile(String phase, Map<String, Object> result) {
        Map<?, ?> profile = (Map<?, ?>) result.get("profile");
        List<?> nodes = (List<?>) profile.get("nodes");
        List<?> samples = (List<?>) profile.get("samples");
        List<?> deltas = (List<?>) profile.get("timeDeltas");
        Map<Long, Map<?, ?>> byId = new java.util.HashMap<>();
        Map<Long, Long> parent = new java.util.HashMap<>();
        for (Object o : nodes) {
            Map<?, ?> n = (Map<?, ?>) o;
            long id = ((Number) n.get("id")).longValue();
            byId.put(id, n);
            if (n.get("children") instanceof List<?> children) {
                children.forEach(c -> parent.put(((Number) c).longValue(), id));
            }
        }
        Map<String, Long> self = new java.util.HashMap<>();
        Map<String, Long> total = new java.util.HashMap<>();
        long all = 0;
        for (int i = 0; i < samples.size(); i++) {
            long micros = i + 1 < deltas.size() ? ((Number) deltas.get(i + 1)).longValue() : 0;
            all += micros;
            Long id = ((Number) samples.get(i)).longValue();
            self.merge(frame(byId.get(id)), micros, Long::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (; id != null; id = parent.get(id)) {
                String f = frame(byId.get(id));
                if (seen.add(f)) {
                    total.merge(f, micros, Long::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "crowd: instructor page profile while %s, %.1f s sampled; self / total ms:%n", phase, all / 1e6);
        saveProfile(phase, profile);
        self.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf(Locale.ROOT, "  self %7.0f  %s%n", e.getValue() / 1e3, e.getKey()));
        total.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(40)
                .forEach(e -> System.out.printf(Locale.ROOT, "  total %6.0f  %s%n", e.getValue() / 1e3, e.getKey()));
    }

    /**
     * With {@code -Dbench.profileDir=DIR}, writes the phase's CPU profile as {@code DIR/crowd-PHASE.cpuprofile}, which
     * Chromium's DevTools (Performance panel) open, for reading the call tree below the functions printed here.
     */
    private static void saveProfile(String phase, Map<?, ?> profile) {
        String dir = System.getProperty("bench.profileDir");
        if (dir != null) {
            try {
                Path file = Path.of(dir, "crowd-" + phase.replace(' ', '-') + ".cpuprofile");
                Files.createDirectories(file.getParent());
                Files.writeString(file, Json.write(profile));
                System.out.println("crowd: profile in " + file);
            } catch (java.io.IOException | RuntimeException e) {
                System.out.println("crowd: profile not written: " + e);
            }
        }
    }

    private static String frame(Map<?, ?> node) {
        Map<?, ?> f = (Map<?, ?>) node.get("callFrame");
        String url = String.valueOf(f.get("url"));
        return f.get("functionName") + " " + url.substring(url.lastIndexOf('/') + 1) + ":" + f.get("lineNumber") + ":" + f.get("columnNumber");
    }

    private void classifyProbe() {
        HttpClient client = Probes.client();
        byte[] json = Probes.validJson().getBytes(StandardCharsets.UTF_8);
        long next = System.nanoTime();
        while (classifying) {
            try {
                long start = System.nanoTime();
                boolean gcBefore = forcedGc;
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/classify"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && (gcBefore || forcedGc)) {
                    classifyDuringGc.increment();
                } else if (r.statusCode() == 200) {
                    long micros = (System.nanoTime() - start) / 1000;
                    if (micros >= 50_000) {
                        slowClassify.add(java.time.Instant.now().minusNanos(micros * 1000) + " " + phase + " "
                                + String.format(Locale.ROOT, "%.1f ms", micros / 1000.0));
                    }
                    for (String p : List.of(phase, "all")) {
                        classifyMicros.computeIfAbsent(p, k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
                    }
                } else {
                    error("classify " + r.statusCode(), r.body());
                }
            } catch (java.io.IOException e) {
                error("classify exception", e.toString());
            } catch (InterruptedException e) {
                return;
            }
            next += 100_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                CdpTab.sleep(wait / 1_000_000);
            }
        }
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
        Map<String, List<Long>> delays = new TreeMap<>();
        Map<String, List<Long>> split = new TreeMap<>();
        List<Map.Entry<Long, String>> frames = new ArrayList<>(instructorFrames);
        for (Map.Entry<String, Long> a : actions.entrySet()) {
            String kind = a.getKey().substring(a.getKey().indexOf('|') + 1).replaceAll("\\d+$", "");
            Object shown = seen.get(a.getKey());
            if (shown instanceof Number n) {
                delays.computeIfAbsent(kind, k -> new ArrayList<>()).add(Math.max(0, n.longValue() - a.getValue()));
                delays.computeIfAbsent("all", k -> new ArrayList<>()).add(Math.max(0, n.longValue() - a.getValue()));
                Long answer = answers.get(a.getKey());
                if (answer != null) {
                    // the grid may show it before the person's own page has painted the answer: not below zero
                    split.computeIfAbsent("click -> own page answered", k -> new ArrayList<>()).add(Math.max(0, answer - a.getValue()));
                    split.computeIfAbsent("own page answered -> grid", k -> new ArrayList<>()).add(Math.max(0, n.longValue() - answer));
                }
                String nickname = a.getKey().substring(0, a.getKey().indexOf('|'));
                long arrived = frames.stream().filter(f -> f.getKey() <= n.longValue() + 5 && f.getValue().contains(nickname))
                        .mapToLong(Map.Entry::getKey).max().orElse(-1);
                if (arrived >= 0) {
                    split.computeIfAbsent("action -> push frame arrived", k -> new ArrayList<>()).add(Math.max(0, arrived - a.getValue()));
                    split.computeIfAbsent("push frame arrived -> grid", k -> new ArrayList<>()).add(Math.max(0, n.longValue() - arrived));
                }
            } else {
                error("never shown in the grid", a.getKey());
            }
        }
        dumpTimeline(seen, frames);
        System.out.println("== grid push delay (action sent to the browser -> instructor's grid shows it), ms:");
        delays.forEach((kind, list) -> {
            Collections.sort(list);
            System.out.printf(Locale.ROOT, "  %-6s n=%4d  p50 %6d  p95 %6d  p99 %6d  max %6d%n", kind, list.size(),
                    pick(list, 0.50), pick(list, 0.95), pick(list, 0.99), list.getLast());
        });
        System.out.println("== the same, split where the acting person's own page showed the server's answer, ms:");
        split.forEach((part, list) -> {
            Collections.sort(list);
            System.out.printf(Locale.ROOT, "  %-27s n=%4d  p50 %6d  p95 %6d  max %6d%n", part, list.size(),
                    pick(list, 0.50), pick(list, 0.95), list.getLast());
        });
        System.out.println("== classify API under load (10/s from the first join to the end), by phase (" + classifyDuringGc.sum()
                + " answers during the bench's own full GC to read the heap left out):");
        for (String p : List.of("joining", "starting runs", "drawing", "all")) {
            List<Long> classify;
            List<Long> kept = classifyMicros.getOrDefault(p, List.of());
            synchronized (kept) {
                classify = new ArrayList<>(kept);
            }
            Collections.sort(classify);
            if (!classify.isEmpty()) {
                System.out.printf(Locale.ROOT, "  %-13s n=%4d  p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms%n", p,
                        classify.size(), pick(classify, 0.5) / 1000.0, pick(classify, 0.99) / 1000.0, classify.getLast() / 1000.0);
            }
        }
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

    /** Every action, when it was answered and shown, and every push frame naming a participant, for reading beside the server log. */
    private void dumpTimeline(Map<String, Object> seen, List<Map.Entry<Long, String>> frames) {
        List<String> lines = new ArrayList<>();
        actions.forEach((k, t) -> lines.add(t + " action " + k + " answered " + answers.get(k) + " shown " + seen.get(k)));
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("Learner \\d{3}");
        for (Map.Entry<Long, String> f : frames) {
            java.util.regex.Matcher m = name.matcher(f.getValue());
            java.util.Set<String> names = new java.util.TreeSet<>();
            while (m.find()) {
                names.add(m.group());
            }
            lines.add(f.getKey() + " frame " + f.getValue().length() + " chars " + names);
        }
        Collections.sort(lines);
        try {
            Path file = Path.of("target", "crowd-timeline.txt");
            Files.write(file, lines);
            Files.write(Path.of("target", "crowd-classify-slow.txt"), slowClassify);
            System.out.println("crowd: classify answers over 50 ms (sent at, phase, time) in target/crowd-classify-slow.txt");
            System.out.println("crowd: timeline in " + file);
        } catch (java.io.IOException e) {
            System.out.println("crowd: timeline not written: " + e);
        }
    }

    private static long pick(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
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
