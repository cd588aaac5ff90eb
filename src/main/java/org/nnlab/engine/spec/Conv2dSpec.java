package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Conv2d;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/**
 * A 2-D convolution (cross-correlation, as every framework computes it): {@code filters} kernels of
 * {@code kernel} (h × w) over all input channels, moved by {@code stride}, over an input padded with
 * zeros by {@code padding} on each side. Input {@code [c, h, w]} (c is read from the input), output
 * {@code [filters, h', w']} with h' = (h + 2·padding.h − kernel.h) / stride.h + 1, likewise w'.
 * <p>
 * {@code same}: pad so that h' = ceil(h / stride.h) (then {@code padding} must be 0 × 0).
 * {@code floor}: when h' is not a whole number, drop the last partial window (as PyTorch does)
 * instead of reporting an error.
 */
@Kind("conv2d")
public record Conv2dSpec(int filters, Size2 kernel, Size2 stride, Size2 padding, boolean same, boolean floor)
        implements LayerSpec {
    public Conv2dSpec {
        if (filters < 1) {
            throw new SpecException("engine.spec.conv2d.filters", filters);
        }
        if (kernel == null || !kernel.isPositive()) {
            throw new SpecException("engine.spec.conv2d.kernel", kernel);
        }
        if (stride == null || !stride.isPositive()) {
            throw new SpecException("engine.spec.window.stride", "Conv2d", stride);
        }
        if (padding == null) {
            throw new SpecException("engine.spec.conv2d.noPadding");
        }
        if (same && (padding.h() != 0 || padding.w() != 0)) {
            throw new SpecException("engine.spec.conv2d.samePadding", padding);
        }
    }

    /** Square kernel, stride 1, no padding. */
    public static Conv2dSpec of(int filters, int kernel) {
        return new Conv2dSpec(filters, Size2.of(kernel), Size2.of(1), Size2.of(0), false, false);
    }

    public Conv2dSpec withStride(int s) {
        return new Conv2dSpec(filters, kernel, Size2.of(s), padding, same, floor);
    }

    public Conv2dSpec withPadding(int p) {
        return new Conv2dSpec(filters, kernel, stride, Size2.of(p), same, floor);
    }

    public WindowGeometry geometry(Shape input) {
        return WindowGeometry.of("Conv2d", "kernel", input, kernel, stride, padding, same, floor);
    }

    @Override
    public Shape outputShape(Shape input) {
        return geometry(input).outputShape(filters);
    }

    @Override
    public long paramCount(Shape input) {
        WindowGeometry g = geometry(input);
        return (long) filters * g.channels() * kernel.h() * kernel.w() + filters;
    }

    /** 2·filters·c·kh·kw per output position, plus one bias add. */
    @Override
    public long flops(Shape input) {
        WindowGeometry g = geometry(input);
        return (2L * g.channels() * kernel.h() * kernel.w() + 1) * filters * g.outArea();
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        return new Conv2d(this, geometry(input), rng);
    }
}
