package org.nnlab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.GradientCheck;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.ZeroPadding2dSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/** Flatten and ZeroPadding2d: layers that only move values. */
class ShapeLayersTest {
    private final SplittableRandom rng = new SplittableRandom(9);

    @Test
    void flattenKeepsRowMajorOrder() {
        FlattenSpec spec = new FlattenSpec();
        assertEquals(Shape.of(400), spec.outputShape(Shape.of(16, 5, 5)));
        assertEquals(0, spec.paramCount(Shape.of(16, 5, 5)));
        assertEquals(0, spec.flops(Shape.of(16, 5, 5)));
        Layer flat = spec.build(Shape.of(2, 1, 3), rng);
        Tensor x = Tensor.of(Shape.of(2, 2, 1, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Tensor y = flat.forward(x, Mode.TRAIN);
        assertEquals(Shape.of(2, 6), y.shape());
        assertArrayEquals(x.data(), y.data());
        assertEquals(Shape.of(2, 2, 1, 3), flat.backward(y).shape());
        GradientCheck.assertMatches(flat, Tensor.uniform(Shape.of(3, 2, 1, 3), -1, 1, rng));
    }

    @Test
    void zeroPaddingSurroundsEachChannel() {
        ZeroPadding2dSpec spec = new ZeroPadding2dSpec(Size2.of(1, 2));
        assertEquals(Shape.of(3, 4, 6), spec.outputShape(Shape.of(3, 2, 2)));
        assertEquals(0, spec.paramCount(Shape.of(3, 2, 2)));
        Layer pad = spec.build(Shape.of(1, 1, 2), rng);
        Tensor y = pad.forward(Tensor.of(Shape.of(1, 1, 1, 2), 7, 8), Mode.TRAIN);
        assertArrayEquals(new float[]{0, 0, 0, 0, 0, 0, 0, 0, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0}, y.data());
        GradientCheck.assertMatches(ZeroPadding2dSpec.of(1).build(Shape.of(2, 3, 2), rng),
                Tensor.uniform(Shape.of(2, 2, 3, 2), -1, 1, rng));
    }

    @Test
    void zeroPaddingNeedsAnImage() {
        assertEquals("ZeroPadding2d: expects an input [channels, height, width], got [10]; it pads images, put it"
                + " before Flatten", assertThrows(SpecException.class,
                () -> ZeroPadding2dSpec.of(1).outputShape(Shape.of(10))).getMessage());
        assertEquals("Flatten: the input [0, 3] is empty; check the layer before it",
                assertThrows(SpecException.class, () -> new FlattenSpec().outputShape(Shape.of(0, 3))).getMessage());
    }
}
