package org.nnlab.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nnlab.engine.tensor.Shape;

/** The remaining settings errors of the convolutional kinds, word for word. */
class ConvSpecMessagesTest {
    private static void expect(String message, Executable code) {
        assertEquals(message, assertThrows(SpecException.class, code).getMessage());
    }

    @Test
    void conv2dSettings() {
        expect("Conv2d: the kernel must be at least 1×1, got 0×3",
                () -> new Conv2dSpec(1, Size2.of(0, 3), Size2.of(1), Size2.of(0), false, false));
        expect("Conv2d: padding is missing; use 0×0 for none",
                () -> new Conv2dSpec(1, Size2.of(3), Size2.of(1), null, false, false));
        expect("Conv2d: the input [3, 0, 5] is empty", () -> Conv2dSpec.of(2, 1).outputShape(Shape.of(3, 0, 5)));
        expect("Conv2d: expects an input [channels, height, width], got [1, 2, 3, 4]: reduce it to three dimensions",
                () -> Conv2dSpec.of(2, 1).outputShape(Shape.of(1, 2, 3, 4)));
    }

    @Test
    void poolingSettings() {
        expect("AvgPool2d: the stride must be at least 1×1, got 2×0",
                () -> new AvgPool2dSpec(Size2.of(2), Size2.of(2, 0), false));
        expect("MaxPool2d: the stride must be at least 1×1, got null", () -> new MaxPool2dSpec(Size2.of(2), null, false));
        expect("AvgPool2d: the window must be at least 1×1, got 1×0",
                () -> new AvgPool2dSpec(Size2.of(1, 0), Size2.of(1), false));
    }

    @Test
    void otherKinds() {
        expect("BatchNorm: epsilon must be positive, got -1.0E-5; 1e-5 is usual", () -> new BatchNormSpec(0.1, -1e-5));
        expect("ZeroPadding2d: padding is missing, e.g. 1×1", () -> new ZeroPadding2dSpec(null));
        expect("ConvPoolBlock: filter size, filters, pool size and pool stride must all be at least 1, got 5, 0, 2, 2",
                () -> new ConvPoolBlockSpec(5, 0, 2, 2, "relu"));
        expect("ConvPoolBlock: padding cannot be negative, got -1", () -> new ConvPoolBlockSpec(5, 6, 2, 2, "relu", -1));
    }
}
