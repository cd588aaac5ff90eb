package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.ZeroPadding2d;
import org.nnlab.engine.tensor.Shape;

/**
 * Surrounds every channel with zeros: {@code padding.h} rows above and below, {@code padding.w}
 * columns left and right. {@code [c, h, w] -> [c, h + 2·padding.h, w + 2·padding.w]}.
 */
@Kind("zero_padding2d")
public record ZeroPadding2dSpec(Size2 padding) implements LayerSpec {
    public ZeroPadding2dSpec {
        if (padding == null) {
            throw new SpecException("engine.spec.zeroPadding.missing");
        }
    }

    public static ZeroPadding2dSpec of(int both) {
        return new ZeroPadding2dSpec(Size2.of(both));
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3) {
            throw new SpecException("engine.spec.zeroPadding.input", input);
        }
        return Shape.of(input.dim(0), input.dim(1) + 2 * padding.h(), input.dim(2) + 2 * padding.w());
    }

    @Override
    public long paramCount(Shape input) {
        outputShape(input);
        return 0;
    }

    @Override
    public long flops(Shape input) {
        outputShape(input);
        return 0;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new ZeroPadding2d(this, input);
    }
}
