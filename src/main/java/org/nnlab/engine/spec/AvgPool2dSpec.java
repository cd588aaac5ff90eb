package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.AvgPool2d;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/**
 * Average pooling: the mean of each window, per channel, with {@code window} (h × w) moved by {@code stride};
 * y[n, c, oy, ox] = (1 / (kh·kw)) Σ_{i,j} x[n, c, oy·sh + i, ox·sw + j]. Input {@code [c, h, w]}, output {@code [c, h', w']} with h' = (h − window.h) /
 * stride.h + 1, likewise w'; no padding (put a ZeroPadding2d before it for that). {@code floor}: drop a
 * last partial window instead of reporting that h' is not a whole number (as PyTorch does).
 */
@Kind("avgpool2d")
public record AvgPool2dSpec(Size2 window, Size2 stride, boolean floor) implements PoolSpec {
    public AvgPool2dSpec {
        PoolSpec.requirePositive("AvgPool2d", window, stride);
    }

    /** A square window with the stride equal to it, e.g. {@code of(2)}: 2×2 windows that do not overlap. */
    public static AvgPool2dSpec of(int size) {
        return new AvgPool2dSpec(Size2.of(size), Size2.of(size), false);
    }

    public static AvgPool2dSpec of(int size, int stride) {
        return new AvgPool2dSpec(Size2.of(size), Size2.of(stride), false);
    }

    @Override
    public String layerName() {
        return "AvgPool2d";
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        return new AvgPool2d(this, geometry(input));
    }
}
