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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Square float32 products C = A·B through {@link MatMul}, per size, kernel and thread count. JMH
 * reports the time of one product; {@link #main} turns it into GFLOP/s (2·n³ operations). Run:
 * {@code java -cp target/test-classes:target/classes:<test classpath> --add-modules jdk.incubator.vector
 * org.nnlab.engine.tensor.MatMulBenchmark [regex]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatMulBenchmark {
    @Param({"256", "512", "1024"})
    public int size;

    @Param({"VECTOR", "LOOPS"})
    public String kernel;

    @Param({"1", "2"})
    public int threads;

    private float[] a;
    private float[] b;
    private float[] c;
    private MatMul.Kernel inner;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        a = new float[size * size];
        b = new float[size * size];
        c = new float[size * size];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextDouble();
            b[i] = (float) rng.nextDouble();
        }
        inner = MatMul.Kernel.valueOf(kernel);
    }

    @Benchmark
    public float[] multiply() {
        MatMul.multiply(inner, a, 0, false, b, 0, false, c, 0, size, size, size, false, threads);
        return c;
    }

    public static void main(String[] args) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(MatMulBenchmark.class.getSimpleName() + (args.length > 0 ? args[0] : ""));
        for (RunResult r : new Runner(options.build()).run()) {
            int n = Integer.parseInt(r.getParams().getParam("size"));
            double micros = r.getPrimaryResult().getScore();
            System.out.printf("matmul %4d³ %-6s %s thread(s): %8.1f µs  %6.1f GFLOP/s%n", n,
                    r.getParams().getParam("kernel"), r.getParams().getParam("threads"), micros,
                    2.0 * n * n * n / micros / 1e3);
        }
    }
}
