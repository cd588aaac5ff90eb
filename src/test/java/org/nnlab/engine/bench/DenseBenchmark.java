package org.nnlab.engine.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Dense layer forward and backward (the MNIST hidden layer 784 → 128) for one mini-batch. Not a unit
 * test: surefire does not run it. To run it briefly:
 * <pre>
 * mvn -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      org.nnlab.engine.bench.DenseBenchmark
 * </pre>
 * FLOPs per call: forward 2·batch·in·units, backward twice that (dW and dx), so 6·batch·in·units in all.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DenseBenchmark {
    @Param({"1", "64"})
    public int batch;

    @Param({"784"})
    public int in;

    @Param({"128"})
    public int units;

    private Layer dense;
    private Tensor x;
    private Tensor gradOut;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        dense = new DenseSpec(units).build(Shape.of(in), rng);
        x = Tensor.uniform(Shape.of(batch, in), 0, 1, rng);
        gradOut = Tensor.uniform(Shape.of(batch, units), -1, 1, rng);
    }

    @Benchmark
    public Tensor forward() {
        return dense.forward(x, Mode.TRAIN);
    }

    @Benchmark
    public Tensor forwardBackward() {
        dense.forward(x, Mode.TRAIN);
        for (org.nnlab.engine.layer.Param p : dense.params()) {
            p.zeroGrad();
        }
        return dense.backward(gradOut);
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(DenseBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("--add-modules", "jdk.incubator.vector")
                .build();
        new Runner(options).run();
    }
}
