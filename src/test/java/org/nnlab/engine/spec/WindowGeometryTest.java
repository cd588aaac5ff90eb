package org.nnlab.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Shape;

/** Output sizes (W + 2P − F) / S + 1 and every message for inputs a window does not fit. */
class WindowGeometryTest {
    private static String message(LayerSpec spec, Shape input) {
        return assertThrows(SpecException.class, () -> spec.outputShape(input)).getMessage();
    }

    @Test
    void outputSizeFollowsTheFormulaPerAxis() {
        Conv2dSpec conv = new Conv2dSpec(6, Size2.of(5, 3), Size2.of(1, 2), Size2.of(2, 1), false, false);
        assertEquals(Shape.of(6, 28, 14), conv.outputShape(Shape.of(1, 28, 27)));
        assertEquals(Shape.of(16, 10, 10), Conv2dSpec.of(16, 5).outputShape(Shape.of(6, 14, 14)));
        assertEquals(Shape.of(6, 14, 14), MaxPool2dSpec.of(2).outputShape(Shape.of(6, 28, 28)));
        assertEquals(Shape.of(3, 4, 3), new AvgPool2dSpec(Size2.of(3, 2), Size2.of(1, 3), false).outputShape(Shape.of(3, 6, 8)));
    }

    @Test
    void samePaddingKeepsSizeOverStride() {
        Conv2dSpec same = new Conv2dSpec(4, Size2.of(5, 4), Size2.of(1, 2), Size2.of(0), true, false);
        WindowGeometry g = same.geometry(Shape.of(2, 28, 27));
        assertEquals(Shape.of(4, 28, 14), same.outputShape(Shape.of(2, 28, 27)));
        assertEquals(2, g.padTop());
        assertEquals(1, g.padLeft()); // total (14 − 1)·2 + 4 − 27 = 3: 1 left, 2 right
    }

    @Test
    void nonWholeWidthShowsFormulaAndRealFixes() {
        assertEquals("Conv2d: width (28 + 2·0 − 5) / 2 + 1 = 12.5 is not a whole number: change the stride to 1"
                        + " or the kernel width to 4 or 6; or set floor to drop the last partial window (floor, as PyTorch does)",
                message(Conv2dSpec.of(6, 5).withStride(2), Shape.of(1, 29, 28)));
    }

    @Test
    void nonWholeWithPaddingFixAndRoundedValue() {
        assertEquals("Conv2d: width (10 + 2·0 − 3) / 3 + 1 ≈ 3.33 is not a whole number: change the stride to 1,"
                        + " the padding to 1 or the kernel width to 4; or set floor to drop the last partial window"
                        + " (floor, as PyTorch does)",
                message(new Conv2dSpec(2, Size2.of(1, 3), Size2.of(1, 3), Size2.of(0), false, false), Shape.of(1, 4, 10)));
    }

    @Test
    void floorTruncatesAsPyTorch() {
        Conv2dSpec floor = new Conv2dSpec(6, Size2.of(5), Size2.of(2), Size2.of(0), false, true);
        assertEquals(Shape.of(6, 13, 12), floor.outputShape(Shape.of(1, 29, 28)));
        assertEquals(Shape.of(6, 2, 2), new MaxPool2dSpec(Size2.of(2), Size2.of(2), true).outputShape(Shape.of(6, 5, 5)));
    }

    @Test
    void poolingMessageHasNoPaddingInFormula() {
        assertEquals("MaxPool2d: height (5 − 2) / 2 + 1 = 2.5 is not a whole number: change the stride to 1 or the"
                        + " window height to 1 or 3; or set floor to drop the last partial window (floor, as PyTorch does)",
                message(MaxPool2dSpec.of(2), Shape.of(6, 5, 5)));
    }

    @Test
    void rejectsKernelLargerThanPaddedInput() {
        assertEquals("Conv2d: kernel height 7 is larger than the padded input height 5 (3 + 2·1): use a kernel"
                        + " height of at most 5 or a padding of at least 2",
                message(Conv2dSpec.of(1, 7).withPadding(1), Shape.of(1, 3, 3)));
        assertEquals("AvgPool2d: window width 4 is larger than the input width 3: use a window width of at most 3,"
                        + " or remove a layer before this one that shrinks the input",
                message(new AvgPool2dSpec(Size2.of(1, 4), Size2.of(1), false), Shape.of(2, 3, 3)));
    }

    @Test
    void rejectsInputsWithoutRowsAndColumns() {
        assertEquals("Conv2d: expects an input [channels, height, width], got [784]: a flat vector has no rows and"
                + " columns; use an image input, or Dense layers here", message(Conv2dSpec.of(6, 5), Shape.of(784)));
        assertEquals("MaxPool2d: expects an input [channels, height, width], got [28, 28]: add a channel dimension,"
                + " e.g. [1, 28, 28]", message(MaxPool2dSpec.of(2), Shape.of(28, 28)));
    }

    @Test
    void rejectsBadSettings() {
        assertEquals("Conv2d: \"same\" chooses the padding itself, but padding 1×1 was also given: set the padding"
                        + " to 0×0 or turn \"same\" off",
                assertThrows(SpecException.class,
                        () -> new Conv2dSpec(1, Size2.of(3), Size2.of(1), Size2.of(1), true, false)).getMessage());
        assertEquals("Conv2d: the number of filters must be at least 1, got 0",
                assertThrows(SpecException.class, () -> Conv2dSpec.of(0, 3)).getMessage());
        assertEquals("Conv2d: the stride must be at least 1×1, got 0×1",
                assertThrows(SpecException.class,
                        () -> new Conv2dSpec(2, Size2.of(3), Size2.of(0, 1), Size2.of(0), false, false)).getMessage());
        assertEquals("MaxPool2d: the window must be at least 1×1, got 0×2",
                assertThrows(SpecException.class, () -> new MaxPool2dSpec(Size2.of(0, 2), Size2.of(1), false)).getMessage());
        assertEquals("a size cannot be negative, got height -1 and width 2",
                assertThrows(SpecException.class, () -> Size2.of(-1, 2)).getMessage());
    }
}
