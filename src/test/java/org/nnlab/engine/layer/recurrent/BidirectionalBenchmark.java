package org.nnlab.engine.layer.recurrent;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The bidirectional LSTM of the bench's "bilstm" workload (MNIST rows as 28 steps of 28 features, 128 units
 * each way, a batch of 64, last step only) on 2 threads: one forward pass, and one forward and backward pass
 * with a short serial pause between them ({@code pauseMicros}, what the dense head and the loss take in a
 * training step: long enough for an idle helper thread to fall asleep). Only the engine's public API is
 * used, so the same benchmark runs against an older build's classes for a before/after figure. Run:
 * {@code java -cp target/test-classes:target/classes:<test classpath> --add-modules jdk.incubator.vector
 * org.nnlab.engine.layer.recurrent.BidirectionalBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class BidirectionalBenchmark {
    @Param({"0", "100"})
    public int pauseMicros;

    private Layer layer;
    private Tensor x;
    private Tensor gradOut;

    @Setup(Level.Trial)
    public void setUp() {
        ModelSpec spec = ModelSpec.of(Shape.of(28, 28), new BidirectionalSpec(new LstmSpec(128, false)), new DenseSpec(10));
        layer = Sequential.build(spec, new SplittableRandom(1)).layers().getFirst();
        SplittableRandom rng = new SplittableRandom(2);
        x = Tensor.uniform(Shape.of(64, 28, 28), 0, 1, rng);
        gradOut = Tensor.uniform(Shape.of(64, 256), -0.1, 0.1, rng);
    }

    @Benchmark
    public Tensor forward() {
        return Parallelism.withThreads(2, () -> layer.forward(x, Mode.TRAIN));
    }

    @Benchmark
    public Tensor forwardBackward() {
        return Parallelism.withThreads(2, () -> {
            layer.forward(x, Mode.TRAIN);
            pause();
            return layer.backward(gradOut, false);
        });
    }

    private void pause() {
        long until = System.nanoTime() + pauseMicros * 1000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(BidirectionalBenchmark.class.getSimpleName()).build()).run();
    }
}
