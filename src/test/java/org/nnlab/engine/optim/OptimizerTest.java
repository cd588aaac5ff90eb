package org.nnlab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class OptimizerTest {
    private static Param param(float... values) {
        return Param.of("p", Tensor.of(Shape.of(values.length), values));
    }

    private static void setGrad(Param p, float... g) {
        System.arraycopy(g, 0, p.grad().data(), 0, g.length);
    }

    @Test
    void plainSgdStepsAgainstTheGradient() {
        Param p = param(1, 2);
        setGrad(p, 0.5f, -1);
        new Sgd(0.1).step(List.of(p));
        assertEquals(0.95f, p.value().get(0), 1e-7);
        assertEquals(2.1f, p.value().get(1), 1e-7);
    }

    @Test
    void momentumFollowsPyTorchConvention() {
        Param p = param(0);
        Sgd sgd = new Sgd(0.1, 0.9, 0);
        setGrad(p, 1);
        sgd.step(List.of(p));           // v = 1, p = -0.1
        sgd.step(List.of(p));           // v = 0.9 + 1 = 1.9, p = -0.29
        assertEquals(-0.29f, p.value().get(0), 1e-6);
    }

    @Test
    void weightDecayAddsLambdaTimesWeight() {
        Param p = param(2);
        new Sgd(0.5, 0, 0.1).step(List.of(p));
        assertEquals(2 - 0.5 * 0.2, p.value().get(0), 1e-6);
    }

    @Test
    void adamFirstStepMovesByLearningRate() {
        Param p = param(1, 1);
        setGrad(p, 3, -0.001f);
        new Adam(0.01).step(List.of(p));
        assertEquals(0.99f, p.value().get(0), 1e-6);
        assertEquals(1.01f, p.value().get(1), 1e-5);
    }

    @Test
    void rmsPropFirstStep() {
        Param p = param(1);
        setGrad(p, 2);
        new RmsProp(0.01).step(List.of(p));
        assertEquals(1 - 0.01 * 2 / Math.sqrt(0.01 * 4), p.value().get(0), 1e-6);
    }

    @Test
    void stateIsKeptPerParam() {
        Param a = param(0);
        Param b = param(0);
        Sgd sgd = new Sgd(1, 0.5, 0);
        setGrad(a, 1);
        sgd.step(List.of(a));
        sgd.step(List.of(a));           // a: v = 1.5
        sgd.step(List.of(b));           // b has zero gradient and its own zero velocity
        assertEquals(-2.5f, a.value().get(0), 1e-6);
        assertEquals(0f, b.value().get(0));
    }

    @Test
    void clippingScalesToMaxNormAndReportsTheOriginal() {
        Param a = param(0, 0);
        Param b = param(0);
        setGrad(a, 3, 0);
        setGrad(b, 4);
        assertEquals(5, GradientClipping.clipByGlobalNorm(List.of(a, b), 1), 1e-9);
        assertEquals(1, GradientClipping.globalNorm(List.of(a, b)), 1e-5);
        assertEquals(0.6f, a.grad().get(0), 1e-5);
        assertEquals(1, GradientClipping.clipByGlobalNorm(List.of(a, b), 2), 1e-5);
        assertEquals(0.6f, a.grad().get(0), 1e-5);
    }

    @Test
    void configCreatesEachRuleAndRejectsBadValues() {
        assertEquals(Adam.class, new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0, 0).create().getClass());
        assertEquals(0.05, new OptimizerConfig(OptimizerKind.SGD, 0.05, 0.9, 0).create().learningRate());
        assertThrows(IllegalArgumentException.class, () -> new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0.9, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(-1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 1, 0));
    }

    /**
     * Every parameter of a step is updated as one run of values cut into pieces for the threads, a piece
     * spanning the end of one parameter and the start of the next: each value must get the update it gets
     * when its parameter is stepped alone (and so the same bits on one thread or several), for many small
     * parameters (biases) beside a few large ones, over several steps (momentum, Adam's step counts).
     */
    @Test
    void splittingAllParametersOverThreadsChangesNoValue() {
        int[] sizes = {6, 150, 16, 2400, 120, 48000, 84, 10080, 10, 840, 3, 17};
        for (String rule : new String[] {"sgd", "adam", "rmsprop"}) {
            List<Param> together = params(sizes);
            List<Param> alone = params(sizes);
            Optimizer all = optimizer(rule);
            List<Optimizer> each = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                each.add(optimizer(rule));
            }
            for (int step = 0; step < 3; step++) {
                for (int i = 0; i < sizes.length; i++) {
                    fillGrad(together.get(i), step * 100 + i);
                    fillGrad(alone.get(i), step * 100 + i);
                }
                Parallelism.withThreads(2, () -> all.step(together));
                for (int i = 0; i < sizes.length; i++) {
                    Param p = alone.get(i);
                    Optimizer o = each.get(i);
                    Parallelism.withThreads(1, () -> o.step(List.of(p)));
                }
            }
            for (int i = 0; i < sizes.length; i++) {
                assertArrayEquals(alone.get(i).value().data(),
                        together.get(i).value().data(), rule + ", parameter " + i);
            }
        }
    }

    private static Optimizer optimizer(String rule) {
        return switch (rule) {
            case "sgd" -> new Sgd(0.01, 0.9, 1e-4);
            case "adam" -> new Adam(0.003);
            default -> new RmsProp(0.001);
        };
    }

    private static List<Param> params(int[] sizes) {
        SplittableRandom rng = new SplittableRandom(3);
        List<Param> list = new ArrayList<>();
        for (int size : sizes) {
            list.add(Param.of("p", Tensor.uniform(Shape.of(size), -1, 1, rng)));
        }
        return list;
    }

    private static void fillGrad(Param p, int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] g = p.grad().data();
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) rng.nextDouble(-1, 1);
        }
    }
}
