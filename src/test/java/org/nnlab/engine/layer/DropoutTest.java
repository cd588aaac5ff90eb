package org.nnlab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.GradientCheck;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class DropoutTest {
    private static Layer build(double rate, long seed) {
        return new DropoutSpec(rate).build(Shape.of(1000), new SplittableRandom(seed));
    }

    @Test
    void inferencePassesValuesThrough() {
        Tensor x = Tensor.uniform(Shape.of(2, 1000), -1, 1, new SplittableRandom(2));
        assertArrayEquals(x.data(), build(0.5, 1).forward(x, Mode.INFER).data());
    }

    @Test
    void trainingDropsAboutRateAndScalesTheRest() {
        Tensor x = Tensor.filled(Shape.of(2, 1000), 1f);
        float[] y = build(0.25, 1).forward(x, Mode.TRAIN).data();
        int zeros = 0;
        for (float v : y) {
            if (v == 0) {
                zeros++;
            } else {
                assertEquals(1 / 0.75f, v, 1e-6f);
            }
        }
        assertEquals(500, zeros, 60);
    }

    @Test
    void backwardUsesTheForwardMask() {
        Layer layer = build(0.5, 3);
        Tensor x = Tensor.filled(Shape.of(1, 1000), 1f);
        float[] y = layer.forward(x, Mode.TRAIN).data();
        float[] dx = layer.backward(Tensor.filled(Shape.of(1, 1000), 1f)).data();
        assertArrayEquals(y, dx);
    }

    @Test
    void sameSeedDropsSameValues() {
        Tensor x = Tensor.filled(Shape.of(1, 1000), 1f);
        assertArrayEquals(build(0.5, 7).forward(x, Mode.TRAIN).data(), build(0.5, 7).forward(x, Mode.TRAIN).data());
    }

    @Test
    void gradientMatchesFiniteDifferenceInInference() {
        Layer layer = new DropoutSpec(0.3).build(Shape.of(4), new SplittableRandom(1));
        GradientCheck.assertMatches(layer, Tensor.uniform(Shape.of(2, 4), -1, 1, new SplittableRandom(4)));
    }

    @Test
    void rejectsRateOfOne() {
        SpecException e = assertThrows(SpecException.class, () -> new DropoutSpec(1));
        assertTrue(e.getMessage().contains("rate=1.0"), e.getMessage());
    }
}
