package org.nnlab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.GradientCheck;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class ConvPoolBlockTest {
    @Test
    void expandsToConvActivationPool() {
        ConvPoolBlockSpec block = new ConvPoolBlockSpec(5, 6, 2, 2, "relu", 2);
        assertEquals(List.of(Conv2dSpec.of(6, 5).withPadding(2), new ReluSpec(), MaxPool2dSpec.of(2, 2)), block.expand());
        assertEquals(Shape.of(6, 14, 14), block.outputShape(Shape.of(1, 28, 28)));
        assertEquals(156, block.paramCount(Shape.of(1, 28, 28)));
        Shape conv = Shape.of(6, 28, 28);
        assertEquals(Conv2dSpec.of(6, 5).withPadding(2).flops(Shape.of(1, 28, 28)) + conv.size()
                + MaxPool2dSpec.of(2).flops(conv), block.flops(Shape.of(1, 28, 28)));
        assertEquals(ConvPoolBlockSpec.class, LayerKinds.byName("conv_pool_block").orElseThrow().type());
    }

    @Test
    void gradientMatchesFiniteDifference() {
        SplittableRandom rng = new SplittableRandom(4);
        Layer layer = new ConvPoolBlockSpec(3, 2, 2, 2, "tanh").build(Shape.of(1, 6, 6), rng);
        assertEquals(2, layer.params().size());
        GradientCheck.assertMatches(layer, Tensor.uniform(Shape.of(2, 1, 6, 6), -1, 1, rng));
    }

    @Test
    void rejectsUnknownActivationAndNonWholeSizes() {
        String msg = assertThrows(SpecException.class, () -> new ConvPoolBlockSpec(5, 6, 2, 2, "swish")).getMessage();
        assertEquals(true, msg.startsWith("ConvPoolBlock: unknown activation \"swish\": use one of [sigmoid, tanh, relu"), msg);
        assertEquals("MaxPool2d: height (27 − 2) / 2 + 1 = 13.5 is not a whole number: change the stride to 1 or the"
                        + " window height to 1 or 3; or set floor to drop the last partial window (floor, as PyTorch does)",
                assertThrows(SpecException.class,
                        () -> new ConvPoolBlockSpec(2, 4, 2, 2, "relu").outputShape(Shape.of(1, 28, 28))).getMessage());
    }
}
