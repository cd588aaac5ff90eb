package org.nnlab.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nnlab.Browser;
import org.nnlab.builder.SpecLinks;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Not a unit test: the browser round trip of a layer-builder edit in headless Chromium against a running
 * server (the production jar), for the 20-layer network of {@link BuilderEditBench}. Each edit is timed
 * inside the page, from the click (or the field's change) until the page shows its result: adding a ReLU
 * until its card 21 is there, changing a Dense card's units until the parameter total changes, deleting
 * card 21 until it is gone. Prints median and 95th percentile per edit and the load average.
 * <pre>
 * java -jar target/nnlab-*.jar --server.port=18123 --nnlab.data-dir=$(mktemp -d) &amp;
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.nnlab.bench.BuilderBrowserBench -Dexec.args="http://localhost:18123 100"
 * </pre>
 */
public final class BuilderBrowserBench {
    /** Runs {@code arguments[0]} (a function doing the edit) and resolves with the ms until {@code arguments[1]} holds. */
    private static final String TIMED = """
            const done = arguments[arguments.length - 1];
            const act = new Function(arguments[0]), ready = new Function(arguments[1]);
            const start = performance.now();
            const observer = new MutationObserver(() => {
                if (ready()) { observer.disconnect(); done(performance.now() - start); }
            });
            observer.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
            act();
            setTimeout(() => { observer.disconnect(); done(-1); }, 10000);
            """;
    private static final String PARAMS = "document.getElementById('build-total-params').textContent";

    private BuilderBrowserBench() {
    }

    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String edit : new String[] {"add", "edit", "delete"}) {
            times.put(edit, new double[rounds]);
        }
        try (Browser browser = new Browser()) {
            browser.open(base + "/" + SpecLinks.link("build", BuilderEditBench.twentyLayers()));
            browser.waitFor(By.id("build-card-19"));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
            int warmUp = Math.max(5, rounds / 5);
            for (int r = -warmUp; r < rounds; r++) {
                int units = 100 + Math.floorMod(r, 50);
                time(js, times, "add", r, "document.getElementById('build-add-relu').click()",
                        "return document.getElementById('build-card-20') != null");
                String before = (String) js.executeScript("return " + PARAMS);
                time(js, times, "edit", r, "const f = document.getElementById('build-card-13-units'); f.value = '"
                        + units + "'; f.dispatchEvent(new Event('change', {bubbles: true}))",
                        "return " + PARAMS + " !== '" + before + "'");
                time(js, times, "delete", r, "document.getElementById('build-card-20-delete').click()",
                        "return document.getElementById('build-card-20') == null");
            }
        }
        System.out.printf(Locale.ROOT, "BUILDER BROWSER round trip per edit, 20-layer CNN, %d rounds; load average %.2f%n",
                rounds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-8s %9s %9s %9s%n", "edit", "p50 ms", "p95 ms", "max ms");
        times.forEach((edit, t) -> {
            Arrays.sort(t);
            System.out.printf(Locale.ROOT, "%-8s %9.1f %9.1f %9.1f%n", edit, at(t, 50), at(t, 95), t[t.length - 1]);
        });
    }

    private static void time(JavascriptExecutor js, Map<String, double[]> times, String edit, int round, String act,
                             String ready) {
        double ms = ((Number) js.executeAsyncScript(TIMED, act, ready)).doubleValue();
        if (ms < 0) {
            throw new IllegalStateException(edit + " did not show its result within 10 s");
        }
        if (round >= 0) {
            times.get(edit)[round] = ms;
        }
    }

    private static double at(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p / 100 * (sorted.length - 1)))];
    }
}
