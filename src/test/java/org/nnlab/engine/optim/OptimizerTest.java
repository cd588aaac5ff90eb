package org.nnlab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Param;
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
}
