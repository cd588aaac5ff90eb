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
 * The per-step products of the bench's lstm workload (hidden 128, 4 gates, a slice of 8 samples, or 1
 * for single-image inference), one thread: the way they went through {@link MatMul} (product into a
 * buffer, then the input part added in a second pass; backward a copy of the direct gradient, then an
 * accumulating product) against {@link RecurrentKernel}, which starts from the input part. Run:
 * {@code java -cp target/test-classes:target/classes:<test classpath> --add-modules jdk.incubator.vector
 * org.nnlab.engine.tensor.RecurrentKernelBenchmark}. The packed variants are what the time loop runs:
 * the whole pre-activation from the step's input (28 features and the 1 of the bias) and the state, and
 * the backward product with W_hᵀ, weights in strips; rows 4 is a slice of four samples (four-row tiles)
 * against 8 (eight-row tiles): per row the two should cost about the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RecurrentKernelBenchmark {
    private static final int HIDDEN = 128;
    private static final int WIDTH = 4 * HIDDEN;
    private static final int FEATURES = 28;

    @Param({"1", "4", "8"})
    public int rows;

    private float[] h;
    private float[] wh;
    private float[] whT;
    private float[] x;
    private float[] pre;
    private float[] dPre;
    private float[] direct;
    private float[] dh;
    private float[] xSteps;
    private float[] bias;
    private final PackedWeights packedInput = new PackedWeights();
    private final PackedWeights packedHidden = new PackedWeights();
    private final PackedWeights packedHiddenT = new PackedWeights();

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(3);
        h = random(rows * HIDDEN, rng);
        wh = random(HIDDEN * WIDTH, rng);
        whT = random(WIDTH * HIDDEN, rng);
        x = random(rows * WIDTH, rng);
        pre = new float[rows * WIDTH];
        dPre = random(rows * WIDTH, rng);
        direct = random(rows * HIDDEN, rng);
        dh = new float[rows * HIDDEN];
        xSteps = random(rows * (FEATURES + 1), rng);
        bias = random(WIDTH, rng);
        packedInput.pack(random(FEATURES * WIDTH, rng), FEATURES, WIDTH);
        packedHidden.pack(wh, HIDDEN, WIDTH);
        packedHiddenT.pack(whT, WIDTH, HIDDEN);
    }

    @Benchmark
    public float[] forwardPacked() {
        RecurrentKernel.rowsTimesWeights(rows, FEATURES, xSteps, 0, FEATURES + 1, packedInput, HIDDEN, h, 0, HIDDEN,
                packedHidden, bias, 0, 0, pre, 0, WIDTH);
        return pre;
    }

    @Benchmark
    public float[] backwardPacked() {
        RecurrentKernel.rowsTimesWeights(rows, WIDTH, dPre, 0, WIDTH, packedHiddenT, 0, null, 0, 0, null,
                direct, 0, HIDDEN, dh, 0, HIDDEN);
        return dh;
    }

    @Benchmark
    public float[] forwardMatMul() {
        MatMul.multiply(h, 0, false, wh, 0, false, pre, 0, rows, WIDTH, HIDDEN, false, 1);
        for (int i = 0; i < pre.length; i++) {
            pre[i] += x[i];
        }
        return pre;
    }

    @Benchmark
    public float[] forwardKernel() {
        RecurrentKernel.rowsTimesWeights(rows, WIDTH, HIDDEN, h, 0, HIDDEN, wh, 0, x, 0, WIDTH, pre, 0, WIDTH);
        return pre;
    }

    @Benchmark
    public float[] backwardMatMul() {
        System.arraycopy(direct, 0, dh, 0, dh.length);
        MatMul.multiply(dPre, 0, false, whT, 0, false, dh, 0, rows, HIDDEN, WIDTH, true, 1);
        return dh;
    }

    @Benchmark
    public float[] backwardKernel() {
        RecurrentKernel.rowsTimesWeights(rows, HIDDEN, WIDTH, dPre, 0, WIDTH, whT, 0, direct, 0, HIDDEN, dh, 0, HIDDEN);
        return dh;
    }

    private static float[] random(int size, SplittableRandom rng) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) rng.nextDouble(-1, 1);
        }
        return v;
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(RecurrentKernelBenchmark.class.getSimpleName()).build()).run();
    }
}
