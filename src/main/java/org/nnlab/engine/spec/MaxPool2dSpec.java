package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.MaxPool2d;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/**
 * Max pooling: the largest value of each window, per channel, with {@code window} (h × w) moved by {@code stride};
 * y[n, c, oy, ox] = max over the window of x[n, c, oy·sh + i, ox·sw + j]. Input {@code [c, h, w]}, output {@code [c, h', w']} with h' = (h − window.h) /
 * stride.h + 1, likewise w'; no padding (put a ZeroPadding2d before it for that). {@code floor}: drop a
 * last partial window instead of reporting that h' is not a whole number (as PyTorch does).
 */
@Kind("maxpool2d")
public record MaxPool2dSpec(Size2 window, Size2 stride, boolean floor) implements PoolSpec {
    public MaxPool2dSpec {
        PoolSpec.requirePositive("MaxPool2d", window, stride);
    }

    /** A square window with the stride equal to it, e.g. {@code of(2)}: 2×2 windows that do not overlap. */
    public static MaxPool2dSpec of(int size) {
        return new MaxPool2dSpec(Size2.of(size), Size2.of(size), false);
    }

    public static MaxPool2dSpec of(int size, int stride) {
        return new MaxPool2dSpec(Size2.of(size), Size2.of(stride), false);
    }

    @Override
    public String layerName() {
        return "MaxPool2d";
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        return new MaxPool2d(this, geometry(input));
    }
}
