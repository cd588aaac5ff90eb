package org.nnlab.engine.spec;

import org.nnlab.engine.tensor.Shape;

/**
 * What max and average pooling share: a {@code window} (h × w) moved by {@code stride} over each channel
 * of an input {@code [c, h, w]}, giving {@code [c, h', w']} with h' = (h − window.h) / stride.h + 1
 * (likewise w'), no padding and no weights. {@code floor} drops a last partial window instead of
 * reporting that h' is not a whole number (as PyTorch does).
 */
public sealed interface PoolSpec extends LayerSpec permits MaxPool2dSpec, AvgPool2dSpec {
    Size2 window();

    Size2 stride();

    boolean floor();

    /** The layer's name in messages, e.g. {@code MaxPool2d}. */
    String layerName();

    default WindowGeometry geometry(Shape input) {
        return WindowGeometry.of(layerName(), "window", input, window(), stride(), null, false, floor());
    }

    @Override
    default Shape outputShape(Shape input) {
        WindowGeometry g = geometry(input);
        return g.outputShape(g.channels());
    }

    @Override
    default long paramCount(Shape input) {
        geometry(input);
        return 0;
    }

    /** One operation per window element per output value. */
    @Override
    default long flops(Shape input) {
        WindowGeometry g = geometry(input);
        return (long) g.channels() * g.outArea() * window().h() * window().w();
    }

    /** Checks a pooling layer's settings; {@code layer} names it in the message. */
    static void requirePositive(String layer, Size2 window, Size2 stride) {
        if (window == null || !window.isPositive()) {
            throw new SpecException("engine.spec.pool.window", layer, window);
        }
        if (stride == null || !stride.isPositive()) {
            throw new SpecException("engine.spec.window.stride", layer, stride);
        }
    }
}
