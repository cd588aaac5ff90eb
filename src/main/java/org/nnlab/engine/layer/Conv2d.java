package org.nnlab.engine.layer;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.engine.tensor.MatMul;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * 2-D convolution: y[n, f, oy, ox] = b[f] + Σ_{c,i,j} W[f, c, i, j] · x[n, c, oy·sh − ph + i, ox·sw − pw + j]
 * (zero outside the input). Shapes: x [batch, c, h, w], W [filters, c, kh, kw] (PyTorch's layout),
 * b [filters], y [batch, filters, h', w'] (see {@link Conv2dSpec}).
 * <p>
 * Per sample the input is unfolded by {@link Im2col} to columns [c·kh·kw, h'·w'], so that
 * y = W · columns, dW += dy · columnsᵀ and d(columns) = Wᵀ · dy, all through {@link MatMul}. Samples
 * are split into as many chunks as {@link Parallelism} allows; each chunk has its own column buffers
 * and its own partial weight gradient, kept between steps. Backward unfolds again instead of keeping
 * every sample's columns.
 */
public final class Conv2d implements Layer {
    private final Conv2dSpec spec;
    private final WindowGeometry g;
    private final Param weight;
    private final Param bias;
    private final int filters;
    private final int patch;      // c·kh·kw
    private final int area;       // h'·w'
    private final int inSize;
    private final boolean pointwise;

    private Tensor input;
    private Tensor output;
    private Tensor gradInput;
    private float[][] columns = new float[0][];
    private float[][] gradColumns = new float[0][];
    private float[][] gradWeights = new float[0][];

    public Conv2d(Conv2dSpec spec, WindowGeometry geometry, RandomGenerator rng) {
        this.spec = spec;
        this.g = geometry;
        this.filters = spec.filters();
        this.patch = g.channels() * g.kernelH() * g.kernelW();
        this.area = g.outArea();
        this.inSize = g.channels() * g.inArea();
        this.pointwise = g.kernelH() == 1 && g.kernelW() == 1 && g.strideH() == 1 && g.strideW() == 1
                && g.padTop() == 0 && g.padLeft() == 0;
        // PyTorch's default: uniform in ±1/sqrt(fan-in) for weights and bias
        double bound = 1 / Math.sqrt(patch);
        this.weight = Param.of("weight",
                Tensor.uniform(Shape.of(filters, g.channels(), g.kernelH(), g.kernelW()), -bound, bound, rng));
        this.bias = Param.of("bias", Tensor.uniform(Shape.of(filters), -bound, bound, rng));
    }

    @Override
    public Shape outputShape(Shape in) {
        return spec.outputShape(in);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        int batch = Layers.requireBatch(this, x, Shape.of(g.channels(), g.height(), g.width()));
        input = x;
        output = Layers.buffer(output, Shape.of(batch, filters, g.outHeight(), g.outWidth()));
        int chunks = chunks(batch, 1);
        float[] xs = x.data();
        float[] ys = output.data();
        float[] w = weight.value().data();
        float[] b = bias.value().data();
        Parallelism.forEach(chunks, chunks, t -> {
            float[] col = columns(t);
            for (int n = from(t, batch, chunks); n < from(t + 1, batch, chunks); n++) {
                int yOff = n * filters * area;
                if (pointwise) {
                    MatMul.multiply(w, 0, false, xs, n * inSize, false, ys, yOff, filters, area, patch, false, 1);
                } else {
                    Im2col.unfold(g, xs, n * inSize, col, 0);
                    MatMul.multiply(w, 0, false, col, 0, false, ys, yOff, filters, area, patch, false, 1);
                }
                for (int f = 0; f < filters; f++) {
                    float bf = b[f];
                    int row = yOff + f * area;
                    for (int i = 0; i < area; i++) {
                        ys[row + i] += bf;
                    }
                }
            }
        });
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        if (input == null) {
            throw new IllegalStateException("Conv2d: backward called before forward");
        }
        int batch = input.shape().dim(0);
        gradInput = Layers.buffer(gradInput, input.shape());
        gradInput.fill(0f);
        int chunks = chunks(batch, 2);
        float[] xs = input.data();
        float[] dy = gradOut.data();
        float[] dx = gradInput.data();
        float[] w = weight.value().data();
        int wSize = filters * patch;
        if (gradWeights.length < chunks) {
            gradWeights = Arrays.copyOf(gradWeights, chunks);
        }
        Parallelism.forEach(chunks, chunks, t -> {
            float[] col = columns(t);
            float[] dcol = gradColumns(t);
            float[] dw = gradWeights[t] = Buffers.atLeast(gradWeights[t], wSize + filters);
            Arrays.fill(dw, 0, wSize + filters, 0f);
            for (int n = from(t, batch, chunks); n < from(t + 1, batch, chunks); n++) {
                int yOff = n * filters * area;
                float[] cols = pointwise ? xs : col;
                int colOff = pointwise ? n * inSize : 0;
                if (!pointwise) {
                    Im2col.unfold(g, xs, n * inSize, col, 0);
                }
                MatMul.multiply(dy, yOff, false, cols, colOff, true, dw, 0, filters, patch, area, true, 1);
                for (int f = 0; f < filters; f++) {
                    float s = 0;
                    int row = yOff + f * area;
                    for (int i = 0; i < area; i++) {
                        s += dy[row + i];
                    }
                    dw[wSize + f] += s;
                }
                if (pointwise) {
                    MatMul.multiply(w, 0, true, dy, yOff, false, dx, n * inSize, patch, area, filters, false, 1);
                } else {
                    MatMul.multiply(w, 0, true, dy, yOff, false, dcol, 0, patch, area, filters, false, 1);
                    Im2col.fold(g, dcol, 0, dx, n * inSize);
                }
            }
        });
        float[] gw = weight.grad().data();
        float[] gb = bias.grad().data();
        for (int t = 0; t < chunks; t++) {
            float[] dw = gradWeights[t];
            for (int i = 0; i < wSize; i++) {
                gw[i] += dw[i];
            }
            for (int f = 0; f < filters; f++) {
                gb[f] += dw[wSize + f];
            }
        }
        return gradInput;
    }

    /** How many chunks to split a batch into: one per thread, fewer for little work. */
    private int chunks(int batch, int passes) {
        long work = (long) batch * passes * 2L * filters * patch * area;
        return Math.max(1, Math.min(batch, Parallelism.threadsFor(work)));
    }

    private static int from(int chunk, int batch, int chunks) {
        return (int) ((long) batch * chunk / chunks);
    }

    private synchronized float[] columns(int t) {
        if (columns.length <= t) {
            columns = Arrays.copyOf(columns, t + 1);
        }
        return columns[t] = Buffers.atLeast(columns[t], patch * area);
    }

    private synchronized float[] gradColumns(int t) {
        if (gradColumns.length <= t) {
            gradColumns = Arrays.copyOf(gradColumns, t + 1);
        }
        return gradColumns[t] = Buffers.atLeast(gradColumns[t], patch * area);
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "Conv2d(" + g.channels() + " -> " + filters + ", kernel " + g.kernelH() + "×" + g.kernelW()
                + ", stride " + g.strideH() + "×" + g.strideW() + ")";
    }
}
