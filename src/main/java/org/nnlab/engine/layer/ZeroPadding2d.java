package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ZeroPadding2dSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * y[n, c, i + ph, j + pw] = x[n, c, i, j], zero elsewhere. Shapes: x [batch, c, h, w],
 * y [batch, c, h + 2·ph, w + 2·pw]. Backward crops the gradient back to x's size.
 */
public final class ZeroPadding2d implements Layer {
    private final ZeroPadding2dSpec spec;
    private final Shape sample;
    private final int c;
    private final int h;
    private final int w;
    private final int ph;
    private final int pw;
    private Tensor output;
    private Tensor gradInput;

    public ZeroPadding2d(ZeroPadding2dSpec spec, Shape sample) {
        this.spec = spec;
        this.sample = sample;
        this.c = sample.dim(0);
        this.h = sample.dim(1);
        this.w = sample.dim(2);
        this.ph = spec.padding().h();
        this.pw = spec.padding().w();
    }

    @Override
    public Shape outputShape(Shape in) {
        return spec.outputShape(in);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        int batch = Layers.requireBatch(this, x, sample);
        output = Layers.buffer(output, spec.outputShape(sample).withBatch(batch));
        output.fill(0f);
        copy(x.data(), output.data(), batch * c, true);
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        int batch = gradOut.shape().dim(0);
        gradInput = Layers.buffer(gradInput, sample.withBatch(batch));
        copy(gradOut.data(), gradInput.data(), batch * c, false);
        return gradInput;
    }

    /** Copies every row between the small (unpadded) and the large (padded) layout, in either direction. */
    private void copy(float[] from, float[] to, int planes, boolean intoPadded) {
        int wp = w + 2 * pw;
        int bigPlane = (h + 2 * ph) * wp;
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < h; i++) {
                int small = p * h * w + i * w;
                int big = p * bigPlane + (i + ph) * wp + pw;
                if (intoPadded) {
                    System.arraycopy(from, small, to, big, w);
                } else {
                    System.arraycopy(from, big, to, small, w);
                }
            }
        }
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "ZeroPadding2d(" + ph + "×" + pw + ")";
    }
}
