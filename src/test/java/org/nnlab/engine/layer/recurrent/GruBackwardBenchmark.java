package org.nnlab.engine.layer.recurrent;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Backpropagation through time of a GRU the size of the bench's recurrent workloads (MNIST rows as 28
 * steps of 28 features, 128 units, a batch of 64, last step only), one thread: the gate gradients of
 * every step, the per-step state product and the weight-gradient products. The forward pass runs once
 * in set-up; each operation is one whole backward pass. Run:
 * {@code java -cp target/test-classes:target/classes:<test classpath> --add-modules jdk.incubator.vector
 * org.nnlab.engine.layer.recurrent.GruBackwardBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GruBackwardBenchmark {
    private static final int BATCH = 64;
    private static final int STEPS = 28;
    private static final int FEATURES = 28;
    private static final int UNITS = 128;

    private Recurrent gru;
    private Tensor gradOut;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(3);
        gru = new GruSpec(UNITS, false).buildRecurrent(Shape.of(STEPS, FEATURES), rng, false);
        Tensor x = Tensor.uniform(Shape.of(BATCH, STEPS, FEATURES), 0, 1, rng);
        gradOut = Tensor.uniform(Shape.of(BATCH, UNITS), -0.1, 0.1, rng);
        Parallelism.withThreads(1, () -> gru.forward(x, Mode.TRAIN));
    }

    @Benchmark
    public Tensor backward() {
        return Parallelism.withThreads(1, () -> gru.backward(gradOut, true));
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(GruBackwardBenchmark.class.getSimpleName()).build()).run();
    }
}
