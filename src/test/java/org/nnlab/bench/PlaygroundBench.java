package org.nnlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nnlab.Application;
import org.nnlab.engine.data.toy.ToyDataset;
import org.nnlab.engine.data.toy.ToyFeature;
import org.nnlab.engine.optim.Regularization;
import org.nnlab.labs.playground.PlaygroundRun;
import org.nnlab.labs.playground.PlaygroundService;
import org.nnlab.labs.playground.PlaygroundSettings;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a unit test: how smoothly playgrounds run when many people play at once. Starts the app (test profile), then
 * for each session count opens that many playgrounds through the same {@link PlaygroundService} the page uses (turns
 * through the SliceScheduler), plays them all for {@code seconds}, and prints per session the interval between
 * frames: p50 and p95 (the median session's, and the worst session's). Sessions cycle through the four data sets and
 * three network sizes, from the default 4-2 up to six layers of eight neurons on all seven inputs.
 * <pre>
 * MAVEN_OPTS="--add-modules jdk.incubator.vector" mvn -o -q test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=org.nnlab.bench.PlaygroundBench -Dexec.args="20 1 30"
 * </pre>
 */
public final class PlaygroundBench {
    private PlaygroundBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int[] counts = args.length > 1 ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray() : new int[] {1, 30};
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).profiles("test")
                .run("--server.port=0");
        try {
            PlaygroundService service = app.getBean(PlaygroundService.class);
            for (int count : counts) {
                measure(service, count, seconds);
            }
        } finally {
            app.close();
        }
    }

    private static void measure(PlaygroundService service, int count, int seconds) throws InterruptedException {
        List<List<Long>> times = new ArrayList<>();
        List<PlaygroundRun> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Long> mine = java.util.Collections.synchronizedList(new ArrayList<>());
            times.add(mine);
            runs.add(service.open("bench-" + i, settings(i), frame -> mine.add(System.nanoTime())));
        }
        Thread.sleep(1000);
        times.forEach(List::clear);
        runs.forEach(PlaygroundRun::play);
        Thread.sleep(seconds * 1000L);
        runs.forEach(PlaygroundRun::close);
        double[] p50 = new double[count];
        double[] p95 = new double[count];
        long frames = 0;
        for (int i = 0; i < count; i++) {
            List<Long> t;
            synchronized (times.get(i)) {
                t = List.copyOf(times.get(i));
            }
            frames += t.size();
            double[] gaps = new double[Math.max(0, t.size() - 1)];
            for (int k = 1; k < t.size(); k++) {
                gaps[k - 1] = (t.get(k) - t.get(k - 1)) / 1e6;
            }
            Arrays.sort(gaps);
            p50[i] = percentile(gaps, 0.50);
            p95[i] = percentile(gaps, 0.95);
        }
        Arrays.sort(p50);
        Arrays.sort(p95);
        System.out.printf(Locale.ROOT, "%d session(s), %d s: %.1f frames/s per session; frame interval p50 %.0f ms "
                        + "(median session), p95 %.0f ms (median session), worst session p50 %.0f ms, p95 %.0f ms%n",
                count, seconds, frames / (double) count / seconds, percentile(p50, 0.5), percentile(p95, 0.5),
                p50[count - 1], p95[count - 1]);
    }

    private static PlaygroundSettings settings(int i) {
        ToyDataset data = ToyDataset.values()[i % ToyDataset.values().length];
        PlaygroundSettings base = PlaygroundSettings.defaults().withDataset(data).withData(10, 50, i);
        return switch (i % 3) {
            case 0 -> base;
            case 1 -> base.withNetwork(List.of(ToyFeature.X1, ToyFeature.X2), List.of(8, 8, 4), PlaygroundSettings.Activation.RELU);
            default -> base.withNetwork(List.of(ToyFeature.values()), List.of(8, 8, 8, 8, 8, 8), PlaygroundSettings.Activation.TANH)
                    .withTraining(0.03, Regularization.L2, 0.001, 10);
        };
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1 < 0 ? 0 : (int) Math.ceil(q * sorted.length) - 1)];
    }
}
