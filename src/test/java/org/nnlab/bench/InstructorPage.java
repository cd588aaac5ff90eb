package org.nnlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.nnlab.engine.json.Json;

/**
 * The instructor's page of {@link WorkshopCrowdBench}, a Chromium tab: opening the room and pushing the setup,
 * watching the participant grid (a mutation observer notes in the page when each row first shows a participant,
 * a run and each count of drawings), and how busy the page's main thread was, with a DevTools CPU profile.
 */
final class InstructorPage {
    static final String GRID_WATCH = """
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
    private InstructorPage() {
    }

    static String openRoom(CdpTab instructor, String base) {
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

    static String runStates(CdpTab instructor) {
        Object states = instructor.eval("(() => { const g = document.getElementById('participant-grid'); const c = {};"
                + " for (const tr of g.shadowRoot.querySelectorAll('tbody#items > tr')) { const td = tr.querySelectorAll('td')[3];"
                + " const s = td && td.querySelector('slot'); const n = s && s.assignedNodes()[0]; const t = n ? n.textContent.trim() : '';"
                + " if (t) c[t] = (c[t] || 0) + 1; } return JSON.stringify(c); })()");
        return String.valueOf(states);
    }

    /** The instructor page's main thread: its cumulative task, script, layout and style times (s), from DevTools. */
    static Map<String, Double> mainThread(CdpTab instructor) {
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
    static String busySince(Map<String, Double> before, Map<String, Double> after) {
        double wall = after.getOrDefault("Timestamp", 0.0) - before.getOrDefault("Timestamp", 0.0);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "instructor's page main thread over %.1f s:", wall));
        for (String k : List.of("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")) {
            s.append(String.format(Locale.ROOT, " %s %.1f s", k.replace("Duration", ""), after.getOrDefault(k, 0.0)
                    - before.getOrDefault(k, 0.0)));
        }
        return s.toString();
    }

    /** The functions of the instructor's page that took the most time of a DevTools CPU profile, self and total. */
    static void printProfile(String phase, Map<String, Object> result) {
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
}
