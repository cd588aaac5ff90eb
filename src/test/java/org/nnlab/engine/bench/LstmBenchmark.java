package org.nnlab.engine.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nnlab.cli.RecurrentWorkloads;
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
 * One training step (forward, loss, backward through time, Adam) of the bench's lstm / bilstm workload
 * on a batch of 64 MNIST-shaped sequences, on 1 and 2 threads: the recurrent loop, its per-step products
 * and the gate arithmetic together. {@link #main} prints µs per batch and samples/s. Run:
 * {@code java -cp target/test-classes:target/classes:<test classpath> --add-modules jdk.incubator.vector
 * org.nnlab.engine.bench.LstmBenchmark [name filter]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LstmBenchmark {
    private static final int BATCH = RecurrentWorkloads.BATCH;

    @Param({"lstm", "bilstm"})
    public String workload;

    @Param({"1", "2"})
    public int threads;

    private RecurrentWorkloads.Workload w;
    private Tensor x;
    private int[] y;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        w = RecurrentWorkloads.create(workload, 3);
        x = Tensor.uniform(Shape.of(BATCH, 1, 28, 28), 0, 1, rng);
        y = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            y[i] = rng.nextInt(10);
        }
    }

    @Benchmark
    public double trainStep() {
        return Parallelism.withThreads(threads, () -> w.trainStep(x, y));
    }

    public static void main(String[] args) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(LstmBenchmark.class.getSimpleName() + (args.length > 0 ? args[0] : ""));
        for (RunResult r : new Runner(options.build()).run()) {
            double micros = r.getPrimaryResult().getScore();
            System.out.printf("%s, %s thread(s): %8.1f µs per batch of %d (± %.1f), %6.0f samples/s%n",
                    r.getParams().getParam("workload"), r.getParams().getParam("threads"), micros, BATCH,
                    r.getPrimaryResult().getScoreError(), BATCH / micros * 1e6);
        }
    }
}
