package org.nnlab.engine.layer;

import java.util.List;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Max pooling: y[n, c, oy, ox] = max_{i,j} x[n, c, oy·sh + i, ox·sw + j]. Shapes: x [batch, c, h, w],
 * y [batch, c, h', w'] (see {@link MaxPool2dSpec}). Backward sends each output gradient to the input
 * position that held the maximum (the first one on ties), remembered by forward.
 */
public final class MaxPool2d implements Layer {
    private final MaxPool2dSpec spec;
    private final WindowGeometry g;
    private Tensor output;
    private Tensor gradInput;
    private Shape inputShape;
    private int[] argmax = new int[0];

    public MaxPool2d(MaxPool2dSpec spec, WindowGeometry geometry) {
        this.spec = spec;
        this.g = geometry;
    }

    @Override
    public Shape outputShape(Shape in) {
        return spec.outputShape(in);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        int batch = Layers.requireBatch(this, x, Shape.of(g.channels(), g.height(), g.width()));
        inputShape = x.shape();
        output = Layers.buffer(output, Shape.of(batch, g.channels(), g.outHeight(), g.outWidth()));
        int planes = batch * g.channels();
        if (argmax.length < planes * g.outArea()) {
            argmax = new int[planes * g.outArea()];
        }
        float[] xs = x.data();
        float[] ys = output.data();
        int[] arg = argmax;
        // memory-bound: a compare costs about as much time as several multiply-adds, hence the factor
        int threads = Parallelism.threadsFor(8L * planes * g.outArea() * g.kernelH() * g.kernelW());
        Parallelism.forEach(threads, threads, t -> {
            for (int p = planes * t / threads; p < planes * (t + 1) / threads; p++) {
                pool(xs, p * g.inArea(), ys, arg, p * g.outArea());
            }
        });
        return output;
    }

    private void pool(float[] xs, int xOff, float[] ys, int[] arg, int yOff) {
        int w = g.width();
        if (g.kernelH() == 2 && g.kernelW() == 2 && g.strideH() == 2 && g.strideW() == 2) {
            pool2x2(xs, xOff, ys, arg, yOff, w);
            return;
        }
        for (int oy = 0; oy < g.outHeight(); oy++) {
            for (int ox = 0; ox < g.outWidth(); ox++) {
                int start = xOff + oy * g.strideH() * w + ox * g.strideW();
                int best = start;
                float max = xs[start];
                for (int i = 0; i < g.kernelH(); i++) {
                    int row = start + i * w;
                    for (int j = 0; j < g.kernelW(); j++) {
                        float v = xs[row + j];
                        if (v > max || Float.isNaN(v)) {
                            max = v;
                            best = row + j;
                        }
                    }
                }
                int o = yOff + oy * g.outWidth() + ox;
                ys[o] = max;
                arg[o] = best;
            }
        }
    }

    /** The common 2×2 window with stride 2, unrolled (same result and tie rule as the general loop). */
    private void pool2x2(float[] xs, int xOff, float[] ys, int[] arg, int yOff, int w) {
        int ow = g.outWidth();
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int r0 = xOff + 2 * oy * w;
            int r1 = r0 + w;
            int o = yOff + oy * ow;
            for (int ox = 0; ox < ow; ox++) {
                int i = r0 + 2 * ox;
                int best = i;
                float max = xs[i];
                if (xs[i + 1] > max || Float.isNaN(xs[i + 1])) {
                    max = xs[i + 1];
                    best = i + 1;
                }
                int j = r1 + 2 * ox;
                if (xs[j] > max || Float.isNaN(xs[j])) {
                    max = xs[j];
                    best = j;
                }
                if (xs[j + 1] > max || Float.isNaN(xs[j + 1])) {
                    max = xs[j + 1];
                    best = j + 1;
                }
                ys[o + ox] = max;
                arg[o + ox] = best;
            }
        }
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        if (inputShape == null) {
            throw new IllegalStateException("MaxPool2d: backward called before forward");
        }
        gradInput = Layers.buffer(gradInput, inputShape);
        gradInput.fill(0f);
        float[] dx = gradInput.data();
        float[] dy = gradOut.data();
        int n = dy.length;
        for (int o = 0; o < n; o++) {
            dx[argmax[o]] += dy[o];
        }
        return gradInput;
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "MaxPool2d(" + g.kernelH() + "×" + g.kernelW() + ", stride " + g.strideH() + "×" + g.strideW() + ")";
    }
}
