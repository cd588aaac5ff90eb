package org.nnlab.labs.convolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.spec.AvgPool2dSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.LayerSummary;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.engine.spec.ZeroPadding2dSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * The convolution lab's numbers, every one from the engine's layers: a one-channel image through
 * {@code Conv2d} with kernels set by hand, then (optionally) {@code ReLU}; feature maps through
 * {@code MaxPool2d} or {@code AvgPool2d}; an image through {@code ZeroPadding2d}; and output sizes from
 * the engine's window geometry, whose {@code SpecException} explains a size that is not whole.
 */
public final class Windows {
    private Windows() {
    }

    /** A stack of maps, each {@code height × width}, row by row. */
    public record Maps(int height, int width, float[][] maps) {
        public float at(int map, int row, int col) {
            return maps[map][row * width + col];
        }
    }

    /**
     * {@code image} ({@code h × w}) convolved by each of {@code kernels} ({@code kh × kw}, row by row),
     * stride {@code stride}, no padding, plus {@code bias}; through ReLU when {@code relu}.
     */
    public static Maps convolve(float[] image, int h, int w, float[][] kernels, int kh, int kw, float bias,
                                int stride, boolean relu) {
        Conv2dSpec spec = new Conv2dSpec(kernels.length, Size2.of(kh, kw), Size2.of(stride), Size2.of(0), false, false);
        Shape in = Shape.of(1, h, w);
        Layer conv = spec.build(in, new Random(0));
        float[] weights = conv.params().get(0).value().data();
        float[] biases = conv.params().get(1).value().data();
        for (int f = 0; f < kernels.length; f++) {
            System.arraycopy(kernels[f], 0, weights, f * kh * kw, kh * kw);
            biases[f] = bias;
        }
        Tensor out = conv.forward(new Tensor(Shape.of(1, 1, h, w), image.clone()), Mode.INFER);
        Shape shape = spec.outputShape(in);
        if (relu) {
            out = new ReluSpec().build(shape, new Random(0)).forward(out, Mode.INFER);
        }
        return split(out.data(), kernels.length, shape.dim(1), shape.dim(2));
    }

    /**
     * Max ({@code max}) or average pooling of each map with a square window and stride; a last window
     * that does not fit is dropped (the engine's floor mode, as PyTorch does).
     */
    public static Maps pool(Maps in, boolean max, int window, int stride) {
        Shape shape = Shape.of(in.maps().length, in.height(), in.width());
        Size2 w = Size2.of(window);
        Size2 s = Size2.of(stride);
        Layer pool = max ? new MaxPool2dSpec(w, s, true).build(shape, new Random(0))
                : new AvgPool2dSpec(w, s, true).build(shape, new Random(0));
        float[] flat = new float[in.maps().length * in.height() * in.width()];
        for (int m = 0; m < in.maps().length; m++) {
            System.arraycopy(in.maps()[m], 0, flat, m * in.height() * in.width(), in.height() * in.width());
        }
        Tensor out = pool.forward(new Tensor(Shape.of(1, shape.dim(0), shape.dim(1), shape.dim(2)), flat), Mode.INFER);
        Shape outShape = pool.outputShape(shape);
        return split(out.data(), in.maps().length, outShape.dim(1), outShape.dim(2));
    }

    /** {@code image} ({@code h × w}) with {@code padding} rows and columns of zeros on every side. */
    public static Maps pad(float[] image, int h, int w, int padding) {
        Shape in = Shape.of(1, h, w);
        ZeroPadding2dSpec spec = ZeroPadding2dSpec.of(padding);
        Tensor out = spec.build(in, new Random(0)).forward(new Tensor(Shape.of(1, 1, h, w), image.clone()), Mode.INFER);
        Shape shape = spec.outputShape(in);
        return split(out.data(), 1, shape.dim(1), shape.dim(2));
    }

    /**
     * Where a convolution kernel falls on a one-channel {@code h × w} input; throws the engine's
     * {@code SpecException} (with its explanation and fixes) when an output side is not whole.
     */
    public static WindowGeometry convolution(int h, int w, Size2 kernel, Size2 stride, Size2 padding) {
        return new Conv2dSpec(1, kernel, stride, padding, false, false).geometry(Shape.of(1, h, w));
    }

    /** Where a pooling window falls on a one-channel {@code h × w} input (pooling does not pad). */
    public static WindowGeometry pooling(int h, int w, Size2 window, Size2 stride) {
        return new MaxPool2dSpec(window, stride, false).geometry(Shape.of(1, h, w));
    }

    /** One convolution of a network next to a dense layer with the same input and output sizes. */
    public record Sharing(int layer, Shape input, Shape output, long convParams, long denseParams) {
        public double ratio() {
            return (double) denseParams / convParams;
        }
    }

    /** Every convolution of {@code spec}, its parameters next to a dense layer's with the same shapes. */
    public static List<Sharing> sharing(ModelSpec spec) {
        List<Sharing> rows = new ArrayList<>();
        for (LayerSummary layer : spec.summary()) {
            if (spec.layers().get(layer.index()) instanceof Conv2dSpec) {
                long in = ModelSpec.values(layer.inputShape());
                long out = ModelSpec.values(layer.outputShape());
                long dense = new DenseSpec((int) out).paramCount(Shape.of((int) in));
                rows.add(new Sharing(layer.index(), layer.inputShape(), layer.outputShape(), layer.params(), dense));
            }
        }
        return rows;
    }

    private static Maps split(float[] data, int count, int h, int w) {
        float[][] maps = new float[count][h * w];
        for (int m = 0; m < count; m++) {
            System.arraycopy(data, m * h * w, maps[m], 0, h * w);
        }
        return new Maps(h, w, maps);
    }
}
