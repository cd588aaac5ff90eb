package org.nnlab.engine.layer;

import org.nnlab.engine.spec.AvgPool2dSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Average pooling: y[n, c, oy, ox] = (1 / (kh·kw)) Σ_{i,j} x[n, c, oy·sh + i, ox·sw + j]. Shapes:
 * x [batch, c, h, w], y [batch, c, h', w'] (see {@link AvgPool2dSpec}). Backward spreads each output
 * gradient evenly over its window.
 */
public final class AvgPool2d implements Layer {
    private final AvgPool2dSpec spec;
    private final WindowGeometry g;
    private final float scale;
    private Tensor output;
    private Tensor gradInput;
    private Shape inputShape;

    public AvgPool2d(AvgPool2dSpec spec, WindowGeometry geometry) {
        this.spec = spec;
        this.g = geometry;
        this.scale = 1f / (g.kernelH() * g.kernelW());
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
        float[] xs = x.data();
        float[] ys = output.data();
        int planes = batch * g.channels();
        // memory-bound: a compare costs about as much time as several multiply-adds, hence the factor
        int threads = Parallelism.threadsFor(8L * planes * g.outArea() * g.kernelH() * g.kernelW());
        Parallelism.forEach(threads, threads, t -> {
            for (int p = planes * t / threads; p < planes * (t + 1) / threads; p++) {
                int xOff = p * g.inArea();
                int yOff = p * g.outArea();
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int start = xOff + oy * g.strideH() * g.width() + ox * g.strideW();
                        float s = 0;
                        for (int i = 0; i < g.kernelH(); i++) {
                            for (int j = 0; j < g.kernelW(); j++) {
                                s += xs[start + i * g.width() + j];
                            }
                        }
                        ys[yOff + oy * g.outWidth() + ox] = s * scale;
                    }
                }
            }
        });
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        if (inputShape == null) {
            throw new IllegalStateException("AvgPool2d: backward called before forward");
        }
        gradInput = Layers.buffer(gradInput, inputShape);
        gradInput.fill(0f);
        float[] dx = gradInput.data();
        float[] dy = gradOut.data();
        int planes = inputShape.dim(0) * g.channels();
        for (int p = 0; p < planes; p++) {
            int xOff = p * g.inArea();
            int yOff = p * g.outArea();
            for (int oy = 0; oy < g.outHeight(); oy++) {
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    float d = dy[yOff + oy * g.outWidth() + ox] * scale;
                    int start = xOff + oy * g.strideH() * g.width() + ox * g.strideW();
                    for (int i = 0; i < g.kernelH(); i++) {
                        for (int j = 0; j < g.kernelW(); j++) {
                            dx[start + i * g.width() + j] += d;
                        }
                    }
                }
            }
        }
        return gradInput;
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "AvgPool2d(" + g.kernelH() + "×" + g.kernelW() + ", stride " + g.strideH() + "×" + g.strideW() + ")";
    }
}
