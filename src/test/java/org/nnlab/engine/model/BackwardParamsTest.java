package org.nnlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.cli.RecurrentWorkloads;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Training shortcuts must not change any parameter gradient: {@link Sequential#backwardParams} (the
 * first layer skips d(input)) after a training-mode forward (convolutions keep their columns) against
 * {@link Sequential#backward} after an inference-mode forward (columns unfolded again, d(input) computed).
 */
class BackwardParamsTest {
    // big enough that with two threads a convolution splits the batch into several chunks
    private static final ModelSpec CNN = ModelSpec.of(Shape.of(1, 28, 28),
            Conv2dSpec.of(6, 5).withPadding(2), new ReluSpec(), MaxPool2dSpec.of(2),
            Conv2dSpec.of(6, 3), new ReluSpec(), new FlattenSpec(), new DenseSpec(10));

    @Test
    void convolutionalNetworkGetsTheSameGradients() {
        for (int threads : new int[] {1, 2}) {
            compare(CNN, Shape.of(32, 1, 28, 28), threads);
        }
    }

    @Test
    void denseAndRecurrentFirstLayersGetTheSameGradients() {
        compare(ModelSpec.of(Shape.of(20), new DenseSpec(16), new ReluSpec(), new DenseSpec(10)), Shape.of(8, 20), 2);
        for (String workload : RecurrentWorkloads.NAMES) {
            compare(RecurrentWorkloads.spec(workload), Shape.of(16, 28, 28), 2);
        }
    }

    private static void compare(ModelSpec spec, Shape inputShape, int threads) {
        Parallelism.withThreads(threads, () -> {
            Tensor x = Tensor.uniform(inputShape, -1, 1, new SplittableRandom(5));
            Sequential full = Sequential.build(spec, new SplittableRandom(9));
            Sequential quick = Sequential.build(spec, new SplittableRandom(9));
            Tensor out = full.forward(x, Mode.INFER);
            Tensor g = Tensor.uniform(out.shape(), -1, 1, new SplittableRandom(6));
            full.zeroGrad();
            assertNotNull(full.backward(g), "backward returns d(input)");
            quick.forward(x, Mode.TRAIN);
            quick.zeroGrad();
            quick.backwardParams(g);
            List<Param> a = full.params();
            List<Param> b = quick.params();
            for (int i = 0; i < a.size(); i++) {
                float[] ga = a.get(i).grad().data();
                float[] gb = b.get(i).grad().data();
                assertTrue(java.util.Arrays.stream(toDouble(ga)).anyMatch(v -> v != 0), spec + " " + a.get(i).name());
                assertArrayEquals(ga, gb, 1e-5f, spec.layers() + " parameter " + i + " " + a.get(i).name());
            }
            var first = full.layers().getFirst();
            Tensor h = first.forward(x, Mode.TRAIN);
            assertNull(first.backward(Tensor.zeros(h.shape()), false), "the first layer skips d(input) when told");
        });
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
