package org.nnlab.engine.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class InitTest {
    private static double std(Tensor t) {
        return Math.sqrt(t.sumOfSquares() / t.size());
    }

    private static float maxAbs(Tensor t) {
        float m = 0;
        for (float v : t.data()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void glorotUniformStaysWithinItsLimit() {
        Tensor w = Init.glorot().create(Shape.of(100, 50), 100, 50, new SplittableRandom(1));
        double limit = Math.sqrt(6.0 / 150);
        assertEquals(limit, maxAbs(w), limit * 0.02);
        assertEquals(limit / Math.sqrt(3), std(w), limit * 0.03);
    }

    @Test
    void heNormalHasStdSqrtTwoOverFanIn() {
        Tensor w = Init.he().create(Shape.of(200, 100), 200, 100, new SplittableRandom(2));
        assertEquals(Math.sqrt(2.0 / 200), std(w), 0.003);
    }

    @Test
    void uniformNormalConstantAndFixed() {
        SplittableRandom rng = new SplittableRandom(3);
        assertEquals(0.5, maxAbs(Init.uniform(0.5).create(Shape.of(5000), 1, 1, rng)), 0.01);
        assertEquals(0.2, std(Init.normal(0.2).create(Shape.of(5000), 1, 1, rng)), 0.01);
        assertArrayEquals(new float[] {0.3f, 0.3f}, Init.constant(0.3).create(Shape.of(2), 1, 1, rng).data());
        assertArrayEquals(new float[] {1, 2, 3, 4}, Init.fixed(1, 2, 3, 4).create(Shape.of(2, 2), 2, 2, rng).data());
    }

    @Test
    void sameSeedSameWeights() {
        Tensor a = Init.glorot().create(Shape.of(10, 10), 10, 10, new SplittableRandom(9));
        Tensor b = Init.glorot().create(Shape.of(10, 10), 10, 10, new SplittableRandom(9));
        assertArrayEquals(a.data(), b.data());
    }

    @Test
    void valuesOnlyForFixed() {
        assertThrows(SpecException.class, () -> new Init(InitScheme.HE_NORMAL, 1, List.of(1.0)));
        assertThrows(SpecException.class, () -> new Init(InitScheme.FIXED, 1, List.of()));
    }
}
