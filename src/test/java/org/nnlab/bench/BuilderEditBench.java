package org.nnlab.bench;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.server.communication.UidlWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kotlin.jvm.functions.Function0;
import org.nnlab.Application;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.tensor.Shape;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * Not a unit test: the server's time per edit in the layer builder for a 20-layer network. Starts the app
 * (test profile, a mock servlet context as in the view tests), opens /build in a browserless UI (Karibu), loads a 20-layer CNN, then repeats four edits
 * as a user makes them (add a layer from the palette, change a setting of a card in the middle, delete the
 * added layer, undo and redo). Each edit's time covers the view's work and writing the response the browser
 * would get (Vaadin's UIDL of all changes), so it counts every component rebuilt. Prints median, 95th and
 * 99th percentile and maximum per kind of edit after a warm-up, in wall time and in the thread's CPU time
 * (what the edit costs without waiting for a core: the figure for a quiet machine when cores are shared).
 * <pre>
 * MAVEN_OPTS="--add-modules jdk.incubator.vector -Xmx2g" mvn -o -q test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=org.nnlab.bench.BuilderEditBench
 * </pre>
 */
public final class BuilderEditBench {
    private static final String[] EDITS = {"add", "edit", "delete", "undo", "redo"};
    /** Suffix of the CPU-time series: the thread's own CPU time, which waiting for a core does not inflate. */
    private static final String CPU = " cpu";
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private BuilderEditBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String dataDir = Files.createTempDirectory("nnlab-bench").toString();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).profiles("test")
                .web(WebApplicationType.NONE)
                .contextFactory(type -> new GenericWebApplicationContext(new MockServletContext())).run("--nnlab.data-dir=" + dataDir, "--vaadin.launch-browser=false",
                        "--logging.level.root=warn");
        try {
            Routes routes = new Routes().autoDiscoverViews("org.nnlab");
            Function0<UI> uiFactory = UI::new;
            MockVaadin.setup(uiFactory, new MockSpringServlet(routes, app, uiFactory));
            UI.getCurrent().setLocale(Locale.ENGLISH);
            Map<String, double[]> times = measure(rounds);
            System.out.printf(Locale.ROOT, "BUILDER EDIT server time per edit, 20-layer CNN, %d rounds after %d warm-up "
                    + "(view work + response); load average %.1f%n", rounds, rounds / 2,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "%-8s %9s %9s %9s %9s %11s %11s%n", "edit", "p50 ms", "p95 ms", "p99 ms",
                    "max ms", "cpu p50 ms", "cpu p95 ms");
            for (String edit : EDITS) {
                double[] t = times.get(edit);
                double[] cpu = times.get(edit + CPU);
                Arrays.sort(t);
                Arrays.sort(cpu);
                System.out.printf(Locale.ROOT, "%-8s %9.2f %9.2f %9.2f %9.2f %11.2f %11.2f%n", edit, percentile(t, 50),
                        percentile(t, 95), percentile(t, 99), t[t.length - 1], percentile(cpu, 50), percentile(cpu, 95));
            }
            MockVaadin.tearDown();
        } finally {
            app.close();
        }
    }

    private static Map<String, double[]> measure(int rounds) {
        UI ui = UI.getCurrent();
        ui.navigate("build");
        ModelSpec twenty = twentyLayers();
        ui.navigate("build", com.vaadin.flow.router.QueryParameters.simple(
                Map.of("spec", org.nnlab.builder.SpecLinks.encode(twenty))));
        respond(ui);
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String edit : EDITS) {
            times.put(edit, new double[rounds]);
            times.put(edit + CPU, new double[rounds]);
        }
        int warmUp = rounds / 2;
        for (int r = -warmUp; r < rounds; r++) {
            int units = 100 + Math.floorMod(r, 50);
            time(times, "add", r, ui, () -> click(find(ui, Button.class, "build-add-relu")));
            time(times, "edit", r, ui, () -> find(ui, IntegerField.class, "build-card-13-units").setValue(units));
            time(times, "delete", r, ui, () -> click(find(ui, Button.class, "build-card-20-delete")));
            time(times, "undo", r, ui, () -> click(find(ui, Button.class, "build-undo")));
            time(times, "redo", r, ui, () -> click(find(ui, Button.class, "build-redo")));
        }
        return times;
    }

    private static void time(Map<String, double[]> times, String edit, int round, UI ui, Runnable action) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        action.run();
        respond(ui);
        double ms = (System.nanoTime() - start) / 1e6;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        if (round >= 0) {
            times.get(edit)[round] = ms;
            times.get(edit + CPU)[round] = cpu;
        }
    }

    /** What Vaadin does after a request's listeners ran: collect every change and write the response. */
    private static void respond(UI ui) {
        new UidlWriter().createUidl(ui, false, false);
        // a real browser's heartbeat: without it the presence sweep takes the page for a closed tab
        ui.getInternals().setLastHeartbeatTimestamp(System.currentTimeMillis());
    }

    private static void click(Button button) {
        ComponentUtil.fireEvent(button, new com.vaadin.flow.component.ClickEvent<>(button));
    }

    private static <T extends Component> T find(UI ui, Class<T> type, String id) {
        List<Component> all = new ArrayList<>();
        collect(ui, all);
        return all.stream().filter(type::isInstance).filter(c -> c.getId().filter(id::equals).isPresent())
                .map(type::cast).findFirst().orElseThrow(() -> new IllegalStateException("no " + id));
    }

    private static void collect(Component c, List<Component> all) {
        all.add(c);
        c.getChildren().forEach(child -> collect(child, all));
    }

    /** Two convolution blocks, then a dense head: 20 layers, each kind with its editors. */
    static ModelSpec twentyLayers() {
        List<LayerSpec> layers = new ArrayList<>();
        for (int block = 0; block < 2; block++) {
            layers.addAll(List.of(Conv2dSpec.of(8, 3).withPadding(1), new ReluSpec(), new BatchNormSpec(0.9, 1e-5),
                    Conv2dSpec.of(8, 3).withPadding(1), new ReluSpec(), MaxPool2dSpec.of(2)));
        }
        layers.addAll(List.of(new FlattenSpec(), new DenseSpec(128), new ReluSpec(), new DropoutSpec(0.25),
                new DenseSpec(64), new ReluSpec(), new DenseSpec(10), new SoftmaxSpec()));
        return new ModelSpec(Shape.of(1, 28, 28), layers);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p / 100 * (sorted.length - 1)))];
    }
}
