package org.nnlab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.GradientCheck;
import org.nnlab.engine.spec.AvgPool2dSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class PoolingTest {
    /** Distinct values 0.1 apart, so finite differences never swap which value is the maximum. */
    private static Tensor distinct(int... dims) {
        Shape s = Shape.of(dims);
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            values.add(0.1f * i - 1f);
        }
        Collections.shuffle(values, new Random(5));
        Tensor t = Tensor.zeros(s);
        for (int i = 0; i < s.size(); i++) {
            t.set(i, values.get(i));
        }
        return t;
    }

    @Test
    void maxPoolPicksTheLargestAndRoutesGradientThere() {
        Layer pool = MaxPool2dSpec.of(2).build(Shape.of(1, 2, 4), new SplittableRandom(1));
        Tensor x = Tensor.of(Shape.of(1, 1, 2, 4), 1, 5, 2, 0, 3, 4, 8, -1);
        assertArrayEquals(new float[]{5, 8}, pool.forward(x, Mode.TRAIN).data());
        assertArrayEquals(new float[]{0, 10, 0, 0, 0, 0, 20, 0},
                pool.backward(Tensor.of(Shape.of(1, 1, 1, 2), 10, 20)).data());
    }

    @Test
    void avgPoolAveragesAndSpreadsGradient() {
        Layer pool = AvgPool2dSpec.of(2).build(Shape.of(1, 2, 4), new SplittableRandom(1));
        Tensor x = Tensor.of(Shape.of(1, 1, 2, 4), 1, 5, 2, 0, 3, 4, 8, -2);
        assertArrayEquals(new float[]{3.25f, 2}, pool.forward(x, Mode.TRAIN).data());
        assertArrayEquals(new float[]{1, 1, 2, 2, 1, 1, 2, 2},
                pool.backward(Tensor.of(Shape.of(1, 1, 1, 2), 4, 8)).data());
    }

    @Test
    void sameResultsOnOneOrTwoThreads() {
        Tensor x = distinct(32, 6, 28, 28);   // enough work for two threads
        Tensor g = distinct(32, 6, 14, 14);
        for (Layer pool : List.of(MaxPool2dSpec.of(2).build(Shape.of(6, 28, 28), new SplittableRandom(1)),
                AvgPool2dSpec.of(2).build(Shape.of(6, 28, 28), new SplittableRandom(1)))) {
            float[][] one = org.nnlab.engine.tensor.Parallelism.withThreads(1, () -> new float[][]{
                    pool.forward(x, Mode.TRAIN).data().clone(), pool.backward(g).data().clone()});
            float[][] two = org.nnlab.engine.tensor.Parallelism.withThreads(2, () -> new float[][]{
                    pool.forward(x, Mode.TRAIN).data().clone(), pool.backward(g).data().clone()});
            assertArrayEquals(one[0], two[0]);
            assertArrayEquals(one[1], two[1]);
        }
    }

    @Test
    void countsNoParamsAndWindowFlops() {
        MaxPool2dSpec max = MaxPool2dSpec.of(2);
        assertEquals(0, max.paramCount(Shape.of(6, 28, 28)));
        assertEquals(6L * 14 * 14 * 4, max.flops(Shape.of(6, 28, 28)));
        assertEquals(6L * 14 * 14 * 4, AvgPool2dSpec.of(2).flops(Shape.of(6, 28, 28)));
    }

    @Test
    void maxPoolGradientWithOverlappingRectangularWindows() {
        MaxPool2dSpec spec = new MaxPool2dSpec(Size2.of(3, 2), Size2.of(2, 1), false);
        GradientCheck.assertMatches(spec.build(Shape.of(2, 7, 5), new SplittableRandom(1)), distinct(2, 2, 7, 5));
    }

    @Test
    void avgPoolGradientWithRectangularWindows() {
        AvgPool2dSpec spec = new AvgPool2dSpec(Size2.of(2, 3), Size2.of(2, 1), true);
        GradientCheck.assertMatches(spec.build(Shape.of(2, 5, 6), new SplittableRandom(1)), distinct(3, 2, 5, 6));
    }
}
