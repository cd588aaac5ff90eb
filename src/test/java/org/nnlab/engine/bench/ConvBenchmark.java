package org.nnlab.engine.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.spec.Conv2dSpec;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Forward and backward of the two LeNet convolutions of the {@code cnn} workload on a batch of 64:
 * {@code lenet1} = 1 → 6 channels, 5×5, padding 2 on 28×28; {@code lenet2} = 6 → 16 channels, 5×5 on
 * 14×14. {@link #main} prints GFLOP/s (forward 2·filters·c·kh·kw·h'·w' per sample; backward twice that).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ConvBenchmark {
    private static final int BATCH = 64;

    @Param({"lenet1", "lenet2"})
    public String layer;

    @Param({"1", "2"})
    public int threads;

    private Layer conv;
    private Tensor x;
    private Tensor g;

    static Conv2dSpec spec(String layer) {
        return layer.equals("lenet1") ? Conv2dSpec.of(6, 5).withPadding(2) : Conv2dSpec.of(16, 5);
    }

    static Shape input(String layer) {
        return layer.equals("lenet1") ? Shape.of(1, 28, 28) : Shape.of(6, 14, 14);
    }

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        conv = spec(layer).build(input(layer), rng);
        x = Tensor.uniform(input(layer).withBatch(BATCH), 0, 1, rng);
        g = Tensor.uniform(spec(layer).outputShape(input(layer)).withBatch(BATCH), -1, 1, rng);
        conv.forward(x, org.nnlab.engine.layer.Mode.TRAIN);
    }

    @Benchmark
    public Tensor forward() {
        return Parallelism.withThreads(threads, () -> conv.forward(x, org.nnlab.engine.layer.Mode.TRAIN));
    }

    @Benchmark
    public Tensor backward() {
        return Parallelism.withThreads(threads, () -> conv.backward(g));
    }

    public static void main(String[] args) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(ConvBenchmark.class.getSimpleName() + (args.length > 0 ? args[0] : ""));
        for (RunResult r : new Runner(options.build()).run()) {
            String layer = r.getParams().getParam("layer");
            String bench = r.getParams().getBenchmark();
            double flops = BATCH * (spec(layer).flops(input(layer)));
            if (bench.endsWith("backward")) {
                flops *= 2;
            }
            double micros = r.getPrimaryResult().getScore();
            System.out.printf("%s %s, %s thread(s): %8.1f µs per batch of %d, %5.1f GFLOP/s%n", layer,
                    bench.substring(bench.lastIndexOf('.') + 1), r.getParams().getParam("threads"), micros, BATCH,
                    flops / micros / 1e3);
        }
    }
}
