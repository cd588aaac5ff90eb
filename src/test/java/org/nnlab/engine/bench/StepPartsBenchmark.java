package org.nnlab.engine.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.optim.Optimizer;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
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
 * The small parts of the {@code cnn} workload's training step that once ran on one thread: ReLU after
 * the first convolution (64 × 6 × 28 × 28 values) forward and backward, and the optimizer step over all
 * 61,706 LeNet parameters (SGD with momentum, as the bench trains, and Adam). Run:
 * {@code java -cp target/test-classes:target/classes:<test classpath> --add-modules jdk.incubator.vector
 * org.nnlab.engine.bench.StepPartsBenchmark [regex]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class StepPartsBenchmark {
    private static final ModelSpec LENET = ModelSpec.of(Shape.of(1, 28, 28),
            Conv2dSpec.of(6, 5).withPadding(2), new ReluSpec(), MaxPool2dSpec.of(2),
            Conv2dSpec.of(16, 5), new ReluSpec(), MaxPool2dSpec.of(2), new FlattenSpec(),
            new DenseSpec(120), new ReluSpec(), new DenseSpec(84), new ReluSpec(), new DenseSpec(10));

    @org.openjdk.jmh.annotations.Param({"1", "2"})
    public int threads;

    private Layer relu;
    private Tensor x;
    private Tensor g;
    private List<Param> params;
    private Optimizer sgd;
    private Optimizer adam;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        Shape shape = Shape.of(6, 28, 28);
        relu = new ReluSpec().build(shape, rng);
        x = Tensor.uniform(shape.withBatch(64), -1, 1, rng);
        g = Tensor.uniform(shape.withBatch(64), -1, 1, rng);
        relu.forward(x, Mode.TRAIN);
        params = Sequential.build(LENET, rng).params();
        for (Param p : params) {
            float[] d = p.grad().data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) rng.nextDouble(-1e-3, 1e-3);
            }
        }
        sgd = new Sgd(1e-6, 0.9, 0);
        adam = new Adam(1e-6);
    }

    @Benchmark
    public Tensor reluForward() {
        return Parallelism.withThreads(threads, () -> relu.forward(x, Mode.TRAIN));
    }

    @Benchmark
    public Tensor reluBackward() {
        return Parallelism.withThreads(threads, () -> relu.backward(g, true));
    }

    @Benchmark
    public void sgdStep() {
        Parallelism.withThreads(threads, () -> sgd.step(params));
    }

    @Benchmark
    public void adamStep() {
        Parallelism.withThreads(threads, () -> adam.step(params));
    }

    public static void main(String[] args) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(StepPartsBenchmark.class.getSimpleName() + (args.length > 0 ? args[0] : ""));
        new Runner(options.build()).run();
    }
}
