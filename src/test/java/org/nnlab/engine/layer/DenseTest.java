package org.nnlab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.GradientCheck;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class DenseTest {
    @Test
    void outputShapeParamsAndFlops() {
        DenseSpec spec = new DenseSpec(128);
        assertEquals(Shape.of(128), spec.outputShape(Shape.of(784)));
        assertEquals(784 * 128 + 128, spec.paramCount(Shape.of(784)));
        assertEquals(2L * 784 * 128 + 128, spec.flops(Shape.of(784)));
    }

    @Test
    void rejectsImageInputWithHintToFlatten() {
        SpecException e = assertThrows(SpecException.class, () -> new DenseSpec(10).outputShape(Shape.of(1, 28, 28)));
        assertTrue(e.getMessage().contains("[1, 28, 28]") && e.getMessage().contains("Flatten"), e.getMessage());
    }

    @Test
    void rejectsZeroUnits() {
        SpecException e = assertThrows(SpecException.class, () -> new DenseSpec(0));
        assertTrue(e.getMessage().contains("units=0"), e.getMessage());
    }

    @Test
    void rejectsFixedWeightsOfWrongCount() {
        DenseSpec spec = new DenseSpec(2, Init.fixed(1, 2, 3), Init.zeros());
        SpecException e = assertThrows(SpecException.class, () -> spec.outputShape(Shape.of(2)));
        assertTrue(e.getMessage().contains("lists 3") && e.getMessage().contains("exactly 4"), e.getMessage());
    }

    @Test
    void forwardComputesXTimesWPlusB() {
        // W is [in, units] = [[1, 2], [3, 4], [5, 6]], b = [0.5, -1]
        Dense dense = (Dense) new DenseSpec(2, Init.fixed(1, 2, 3, 4, 5, 6), Init.fixed(0.5, -1))
                .build(Shape.of(3), new SplittableRandom(1));
        Tensor y = dense.forward(Tensor.of(Shape.of(2, 3), 1, 0, 0, 1, 1, 1), Mode.INFER);
        assertArrayEquals(new float[] {1.5f, 1f, 9.5f, 11f}, y.data());
    }

    @Test
    void gradientMatchesFiniteDifference() {
        SplittableRandom rng = new SplittableRandom(3);
        Dense dense = (Dense) new DenseSpec(4).build(Shape.of(5), rng);
        GradientCheck.assertMatches(dense, Tensor.uniform(Shape.of(3, 5), -1, 1, rng));
    }

    @Test
    void backwardAddsIntoGradients() {
        SplittableRandom rng = new SplittableRandom(4);
        Dense dense = (Dense) new DenseSpec(3).build(Shape.of(2), rng);
        Tensor x = Tensor.uniform(Shape.of(2, 2), -1, 1, rng);
        Tensor g = Tensor.uniform(Shape.of(2, 3), -1, 1, rng);
        dense.forward(x, Mode.TRAIN);
        dense.backward(g);
        float[] once = dense.params().get(0).grad().data().clone();
        dense.backward(g);
        float[] twice = dense.params().get(0).grad().data();
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-6);
        }
    }

    @Test
    void rejectsBatchOfWrongWidth() {
        Dense dense = (Dense) new DenseSpec(3).build(Shape.of(4), new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dense.forward(Tensor.zeros(2, 5), Mode.INFER));
        assertTrue(e.getMessage().contains("[2, 5]"), e.getMessage());
    }
}
