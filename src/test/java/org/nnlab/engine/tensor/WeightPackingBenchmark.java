package org.nnlab.engine.tensor;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the bench's lstm layer (28 features, hidden 128, 4 gates) copies before each pass, on 1 and 2
 * threads: W_x [28, 512] and W_h [128, 512] into strips before forward, W_hᵀ [512, 128] made from W_h and
 * put in strips before backward ({@link WeightPacking}). One thread is how it ran before the packing was
 * cut into row blocks. Run: {@code java -cp target/test-classes:target/classes:<test classpath>
 * --add-modules jdk.incubator.vector org.nnlab.engine.tensor.WeightPackingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class WeightPackingBenchmark {
    private static final int FEATURES = 28;
    private static final int HIDDEN = 128;
    private static final int WIDTH = 4 * HIDDEN;

    @Param({"1", "2"})
    public int threads;

    private float[] wx;
    private float[] wh;
    private final float[] whT = new float[WIDTH * HIDDEN];
    private final PackedWeights input = new PackedWeights();
    private final PackedWeights hidden = new PackedWeights();
    private final PackedWeights hiddenT = new PackedWeights();
    private final WeightPacking packing = new WeightPacking();

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(5);
        wx = random(FEATURES * WIDTH, rng);
        wh = random(HIDDEN * WIDTH, rng);
    }

    @Benchmark
    public PackedWeights beforeForward() {
        input.fit(wx, FEATURES, WIDTH);
        hidden.fit(wh, HIDDEN, WIDTH);
        Parallelism.withThreads(threads, () -> packing.pack(input, hidden, threads));
        return hidden;
    }

    @Benchmark
    public PackedWeights beforeBackward() {
        hiddenT.fit(whT, WIDTH, HIDDEN);
        Parallelism.withThreads(threads, () -> packing.packTransposed(hiddenT, wh, threads));
        return hiddenT;
    }

    private static float[] random(int size, SplittableRandom rng) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) rng.nextDouble(-1, 1);
        }
        return v;
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(WeightPackingBenchmark.class.getSimpleName()).build()).run();
    }
}
