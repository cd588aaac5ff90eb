package org.nnlab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.engine.GradientCheck;
import org.nnlab.engine.spec.ActivationSpec;
import org.nnlab.engine.spec.LeakyReluSpec;
import org.nnlab.engine.spec.LinearSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.spec.TanhSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class ActivationTest {
    static Stream<ActivationSpec> specs() {
        return Stream.of(new SigmoidSpec(), new TanhSpec(), new ReluSpec(), new LeakyReluSpec(0.1),
                new LinearSpec(), new StepSpec(), new SoftmaxSpec());
    }

    /** The step is trained straight through (StepStraightThroughTest), so its gradient is no derivative to check. */
    static Stream<ActivationSpec> differentiable() {
        return specs().filter(s -> !(s instanceof StepSpec));
    }

    /** Values kept away from the kink of ReLU, so central differences are valid. */
    private static Tensor input() {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = Tensor.zeros(3, 4);
        for (int i = 0; i < x.size(); i++) {
            double v = 0.1 + rng.nextDouble() * 1.5;
            x.set(i, (float) (rng.nextBoolean() ? v : -v));
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("differentiable")
    void gradientMatchesFiniteDifference(ActivationSpec spec) {
        GradientCheck.assertMatches(spec.build(Shape.of(4), new SplittableRandom(1)), input());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void keepsShapeAndHasNoParams(ActivationSpec spec) {
        assertEquals(Shape.of(3, 5), spec.outputShape(Shape.of(3, 5)));
        assertEquals(0, spec.paramCount(Shape.of(7)));
        assertEquals(7L * spec.flopsPerValue(), spec.flops(Shape.of(7)));
        assertThrows(SpecException.class, () -> spec.outputShape(Shape.of(0)));
    }

    private static float[] apply(ActivationSpec spec, float... x) {
        Layer layer = spec.build(Shape.of(x.length), new SplittableRandom(1));
        return layer.forward(Tensor.of(Shape.of(1, x.length), x), Mode.INFER).data();
    }

    @Test
    void valuesAtKnownPoints() {
        assertArrayEquals(new float[] {0.5f, 0.7310586f}, apply(new SigmoidSpec(), 0, 1), 1e-6f);
        assertArrayEquals(new float[] {0f, 0.7615942f}, apply(new TanhSpec(), 0, 1), 1e-6f);
        assertArrayEquals(new float[] {0f, 2f}, apply(new ReluSpec(), -3, 2));
        assertArrayEquals(new float[] {-0.3f, 2f}, apply(new LeakyReluSpec(0.1), -3, 2), 1e-6f);
        assertArrayEquals(new float[] {-3f, 2f}, apply(new LinearSpec(), -3, 2));
        assertArrayEquals(new float[] {0f, 1f, 1f}, apply(new StepSpec(), -0.5f, 0, 2));
    }

    @Test
    void softmaxRowsSumToOneEvenForHugeInputs() {
        float[] y = apply(new SoftmaxSpec(), 1000, 999, -1000);
        assertEquals(1.0, y[0] + y[1] + y[2], 1e-6);
        assertEquals(1 / (1 + Math.exp(-1)), y[0], 1e-6);
        assertEquals(0f, y[2]);
    }

    @Test
    void leakyReluRejectsSlopeOfOne() {
        assertThrows(SpecException.class, () -> new LeakyReluSpec(1));
    }
}
