package org.nnlab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.GradientCheck;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class BatchNormTest {
    private final SplittableRandom rng = new SplittableRandom(11);

    @Test
    void shapesParamsAndFlops() {
        BatchNormSpec spec = new BatchNormSpec();
        assertEquals(Shape.of(6, 4, 4), spec.outputShape(Shape.of(6, 4, 4)));
        assertEquals(12, spec.paramCount(Shape.of(6, 4, 4)));
        assertEquals(20, spec.paramCount(Shape.of(10)));
        assertEquals(4L * 96, spec.flops(Shape.of(6, 4, 4)));
        assertEquals("BatchNorm: expects [units] or [channels, height, width], got [3, 4]; put it after a Dense or a"
                + " Conv2d layer", assertThrows(SpecException.class, () -> spec.outputShape(Shape.of(3, 4))).getMessage());
        assertEquals("BatchNorm: momentum must be in (0, 1], got 0.0; 0.1 is usual",
                assertThrows(SpecException.class, () -> new BatchNormSpec(0, 1e-5)).getMessage());
    }

    @Test
    void trainingNormalisesPerChannelAndUpdatesRunningStats() {
        BatchNorm bn = (BatchNorm) new BatchNormSpec(0.5, 1e-5).build(Shape.of(2, 1, 2), rng);
        // channel 0 values 1, 3, 5, 7 (mean 4, biased var 5, unbiased 20/3); channel 1 all 2
        Tensor x = Tensor.of(Shape.of(2, 2, 1, 2), 1, 3, 2, 2, 5, 7, 2, 2);
        Tensor y = bn.forward(x, Mode.TRAIN);
        double s = Math.sqrt(5 + 1e-5);
        assertEquals(-3 / s, y.get(0), 1e-5);
        assertEquals(3 / s, y.get(5), 1e-5);
        assertEquals(0, y.get(2), 1e-5);
        assertEquals(2.0, bn.runningMean().get(0), 1e-6);          // 0.5·0 + 0.5·4
        assertEquals(0.5 + 0.5 * 20.0 / 3, bn.runningVar().get(0), 1e-5);
        assertEquals(1.0, bn.runningMean().get(1), 1e-6);
        Tensor inferred = bn.forward(x, Mode.INFER);
        assertEquals((1 - 2.0) / Math.sqrt(bn.runningVar().get(0) + 1e-5), inferred.get(0), 1e-5);
        assertEquals(2.0, bn.runningMean().get(0), 1e-6);          // inference leaves the state alone
    }

    @Test
    void inferenceGradientMatchesFiniteDifference() {
        Layer bn = new BatchNormSpec().build(Shape.of(3, 2, 2), rng);
        bn.forward(Tensor.uniform(Shape.of(4, 3, 2, 2), -2, 2, rng), Mode.TRAIN);  // move the running stats
        GradientCheck.assertMatches(bn, Tensor.uniform(Shape.of(2, 3, 2, 2), -1, 1, rng));
    }

    @Test
    void trainingGradientMatchesFiniteDifferenceForImagesAndVectors() {
        checkTrain(new BatchNormSpec().build(Shape.of(2, 2, 3), rng), Tensor.uniform(Shape.of(3, 2, 2, 3), -1, 1, rng));
        checkTrain(new BatchNormSpec().build(Shape.of(4), rng), Tensor.uniform(Shape.of(5, 4), -1, 1, rng));
    }

    /** Like GradientCheck, but every forward pass in training mode (batch statistics). */
    private void checkTrain(Layer layer, Tensor x) {
        layer.params().get(0).value().set(0, 1.5f);
        layer.params().get(1).value().set(1, -0.5f);
        Tensor g = Tensor.uniform(layer.forward(x, Mode.TRAIN).shape(), -1, 1, rng);
        layer.params().forEach(Param::zeroGrad);
        layer.forward(x, Mode.TRAIN);
        Tensor dx = layer.backward(g).copy();
        compare(layer, x, x, dx, g);
        for (Param p : layer.params()) {
            compare(layer, x, p.value(), p.grad().copy(), g);
        }
    }

    private static void compare(Layer layer, Tensor x, Tensor v, Tensor analytic, Tensor g) {
        double eps = 1e-2;
        for (int i = 0; i < v.size(); i++) {
            float saved = v.get(i);
            v.set(i, (float) (saved + eps));
            double plus = loss(layer, x, g);
            v.set(i, (float) (saved - eps));
            double minus = loss(layer, x, g);
            v.set(i, saved);
            double numeric = (plus - minus) / (2 * eps);
            assertEquals(numeric, analytic.get(i), 2e-3 + 2e-2 * Math.abs(numeric), "gradient " + i);
        }
    }

    private static double loss(Layer layer, Tensor x, Tensor g) {
        Tensor y = layer.forward(x, Mode.TRAIN);
        double s = 0;
        for (int i = 0; i < y.size(); i++) {
            s += (double) y.get(i) * g.get(i);
        }
        return s;
    }
}
