package org.nnlab.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;

/**
 * Where a sliding window (convolution kernel or pooling window) falls on a {@code [channels, height,
 * width]} input: output size per axis {@code (W + 2P − F) / S + 1}, and the zero padding before the
 * first row and column. Computed by {@link #of}, which explains, with the numbers filled in, any input
 * the window does not fit.
 */
public record WindowGeometry(int channels, int height, int width, int kernelH, int kernelW,
                             int strideH, int strideW, int padTop, int padLeft, int outHeight, int outWidth) {

    /** {@code [channels, outHeight, outWidth]} with the given channel count. */
    public Shape outputShape(int outChannels) {
        return Shape.of(outChannels, outHeight, outWidth);
    }

    public int outArea() {
        return outHeight * outWidth;
    }

    public int inArea() {
        return height * width;
    }

    /**
     * The geometry of a window on {@code input}.
     *
     * @param layer   name shown in messages, e.g. {@code "Conv2d"}
     * @param window  what the window is called in messages: {@code "kernel"} or {@code "window"}
     * @param padding zero padding on each side; {@code null} when the layer cannot pad (pooling)
     * @param same    pad so that the output is ceil(input / stride) per axis (extra padding at the
     *                bottom and right when the total is odd); {@code padding} is then ignored
     * @param floor   drop a last partial window instead of failing (what PyTorch does)
     */
    public static WindowGeometry of(String layer, String window, Shape input, Size2 kernel, Size2 stride,
                                    Size2 padding, boolean same, boolean floor) {
        if (input.rank() != 3) {
            throw switch (input.rank()) {
                case 1 -> new SpecException("engine.spec.window.flat", layer, input);
                case 2 -> new SpecException("engine.spec.window.channel", layer, input,
                        "[1, " + input.dim(0) + ", " + input.dim(1) + "]");
                default -> new SpecException("engine.spec.window.rank", layer, input);
            };
        }
        int c = input.dim(0);
        int h = input.dim(1);
        int w = input.dim(2);
        if (c == 0 || h == 0 || w == 0) {
            throw new SpecException("engine.spec.window.empty", layer, input);
        }
        int ph = padding == null ? 0 : padding.h();
        int pw = padding == null ? 0 : padding.w();
        if (same) {
            int oh = ceilDiv(h, stride.h());
            int ow = ceilDiv(w, stride.w());
            int th = Math.max(0, (oh - 1) * stride.h() + kernel.h() - h);
            int tw = Math.max(0, (ow - 1) * stride.w() + kernel.w() - w);
            return new WindowGeometry(c, h, w, kernel.h(), kernel.w(), stride.h(), stride.w(), th / 2, tw / 2, oh, ow);
        }
        boolean canPad = padding != null;
        int oh = axis(layer, window, "height", h, ph, kernel.h(), stride.h(), floor, canPad);
        int ow = axis(layer, window, "width", w, pw, kernel.w(), stride.w(), floor, canPad);
        return new WindowGeometry(c, h, w, kernel.h(), kernel.w(), stride.h(), stride.w(), ph, pw, oh, ow);
    }

    /** Output length of one axis, (in + 2·pad − k) / s + 1, or a SpecException that shows why not. */
    static int axis(String layer, String window, String axis, int in, int pad, int k, int s, boolean floor,
                    boolean canPad) {
        int padded = in + 2 * pad;
        Message side = Message.of("engine.spec.window." + window + "." + axis);
        Message axisName = Message.of("engine.spec.axis." + axis);
        if (k > padded) {
            throw canPad
                    ? new SpecException("engine.spec.window.largerPadded", layer, side, k, axisName, padded, in, pad,
                    ceilDiv(k - in, 2))
                    : new SpecException("engine.spec.window.larger", layer, side, k, axisName, in);
        }
        int span = padded - k;
        if (span % s == 0 || floor) {
            return span / s + 1;
        }
        String formula = (canPad ? "(" + in + " + 2·" + pad + " − " + k + ")" : "(" + in + " − " + k + ")")
                + " / " + s + " + 1";
        double exact = (double) span / s + 1;
        String value = String.format(Locale.ROOT, "%.2f", exact).replaceAll("0+$", "");
        boolean rounded = Math.abs(Double.parseDouble(value) - exact) > 1e-9;
        List<Message> fixes = new ArrayList<>();
        for (int s2 = s - 1; s2 >= 1; s2--) {
            if (span % s2 == 0) {
                fixes.add(Message.of("engine.spec.fix.stride", s2));
                break;
            }
        }
        if (canPad) {
            for (int d = 1; d <= s; d++) {
                if (pad - d >= 0 && in + 2 * (pad - d) >= k && (in + 2 * (pad - d) - k) % s == 0) {
                    fixes.add(Message.of("engine.spec.fix.padding", pad - d));
                    break;
                }
                if ((in + 2 * (pad + d) - k) % s == 0) {
                    fixes.add(Message.of("engine.spec.fix.padding", pad + d));
                    break;
                }
            }
        }
        List<Integer> kernels = new ArrayList<>();
        for (int d = 1; d < s && kernels.isEmpty(); d++) {
            if (k - d >= 1 && (padded - (k - d)) % s == 0) {
                kernels.add(k - d);
            }
            if (k + d <= padded && (padded - (k + d)) % s == 0) {
                kernels.add(k + d);
            }
        }
        if (!kernels.isEmpty()) {
            fixes.add(kernels.size() > 1 ? Message.of("engine.spec.fix.sizeEither", side, kernels.getFirst(), kernels.get(1))
                    : Message.of("engine.spec.fix.size", side, kernels.getFirst()));
        }
        throw new SpecException("engine.spec.window.notWhole", layer, axisName, formula, rounded ? "≈" : "=", value,
                new Message("engine.spec.fix.list" + fixes.size(), List.copyOf(fixes)));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
