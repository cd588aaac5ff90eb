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
 * The input is unfolded by {@link Im2col} to columns [c·kh·kw, h'·w'] per sample, a few samples side by
 * side when h'·w' is small (so the products are long enough to run fast), and then y = W · columns,
 * dW += dy · columnsᵀ and d(columns) = Wᵀ · dy, all through {@link MatMul}. The batch is split into as
 * many chunks as {@link Parallelism} allows; each chunk has its own buffers (columns, their gradient,
 * a partial weight gradient), created once and reused every step. Backward unfolds again instead of
 * keeping every sample's columns.
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
    private final int group;      // samples unfolded side by side, so short products get long
    private Scratch[] scratch = new Scratch[0];

    public Conv2d(Conv2dSpec spec, WindowGeometry geometry, RandomGenerator rng) {
        this.spec = spec;
        this.g = geometry;
        this.filters = spec.filters();
        this.patch = g.channels() * g.kernelH() * g.kernelW();
        this.area = g.outArea();
        this.inSize = g.channels() * g.inArea();
        this.group = Math.max(1, Math.min(16, (512 + area - 1) / area));
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
            Scratch sc = scratch(t);
            int end = from(t + 1, batch, chunks);
            for (int n0 = from(t, batch, chunks); n0 < end; n0 += group) {
                int gs = Math.min(group, end - n0);
                int ld = gs * area;
                float[] cols = sc.columns;
                int colOff = 0;
                if (pointwise && gs == 1) {
                    cols = xs;
                    colOff = n0 * inSize;
                } else {
                    for (int s = 0; s < gs; s++) {
                        Im2col.unfold(g, xs, (n0 + s) * inSize, sc.columns, s * area, ld);
                    }
                }
                if (gs == 1) {
                    int yOff = n0 * filters * area;
                    MatMul.multiply(w, 0, false, cols, colOff, false, ys, yOff, filters, area, patch, false, 1);
                    addBias(b, ys, yOff);
                } else {
                    MatMul.multiply(w, 0, false, cols, colOff, false, sc.outputs, 0, filters, ld, patch, false, 1);
                    for (int s = 0; s < gs; s++) {
                        for (int f = 0; f < filters; f++) {
                            System.arraycopy(sc.outputs, f * ld + s * area, ys, ((n0 + s) * filters + f) * area, area);
                        }
                        addBias(b, ys, (n0 + s) * filters * area);
                    }
                }
            }
        });
        return output;
    }

    private void addBias(float[] b, float[] ys, int yOff) {
        for (int f = 0; f < filters; f++) {
            float bf = b[f];
            int row = yOff + f * area;
            for (int i = 0; i < area; i++) {
                ys[row + i] += bf;
            }
        }
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
        Parallelism.forEach(chunks, chunks, t -> {
            Scratch sc = scratch(t);
            float[] dw = sc.gradWeights;
            java.util.Arrays.fill(dw, 0f);
            int end = from(t + 1, batch, chunks);
            for (int n0 = from(t, batch, chunks); n0 < end; n0 += group) {
                int gs = Math.min(group, end - n0);
                int ld = gs * area;
                float[] cols = sc.columns;
                int colOff = 0;
                if (pointwise && gs == 1) {
                    cols = xs;
                    colOff = n0 * inSize;
                } else {
                    for (int s = 0; s < gs; s++) {
                        Im2col.unfold(g, xs, (n0 + s) * inSize, sc.columns, s * area, ld);
                    }
                }
                float[] dys = dy;
                int dyOff = n0 * filters * area;
                if (gs > 1) {
                    for (int s = 0; s < gs; s++) {
                        for (int f = 0; f < filters; f++) {
                            System.arraycopy(dy, ((n0 + s) * filters + f) * area, sc.outputs, f * ld + s * area, area);
                        }
                    }
                    dys = sc.outputs;
                    dyOff = 0;
                }
                // dW += dy · columnsᵀ, db += row sums of dy
                MatMul.multiply(dys, dyOff, false, cols, colOff, true, dw, 0, filters, patch, ld, true, 1);
                for (int f = 0; f < filters; f++) {
                    float sum = 0;
                    int row = dyOff + f * ld;
                    for (int i = 0; i < ld; i++) {
                        sum += dys[row + i];
                    }
                    dw[wSize + f] += sum;
                }
                // d(columns) = Wᵀ · dy, folded back onto dx
                if (pointwise && gs == 1) {
                    MatMul.multiply(w, 0, true, dys, dyOff, false, dx, n0 * inSize, patch, area, filters, false, 1);
                } else {
                    MatMul.multiply(w, 0, true, dys, dyOff, false, sc.gradColumns, 0, patch, ld, filters, false, 1);
                    for (int s = 0; s < gs; s++) {
                        Im2col.fold(g, sc.gradColumns, s * area, ld, dx, (n0 + s) * inSize);
                    }
                }
            }
        });
        float[] gw = weight.grad().data();
        float[] gb = bias.grad().data();
        for (int t = 0; t < chunks; t++) {
            float[] dw = scratch[t].gradWeights;
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

    /** The buffers of chunk {@code t}, created on first use and kept. */
    private synchronized Scratch scratch(int t) {
        if (scratch.length <= t) {
            scratch = java.util.Arrays.copyOf(scratch, t + 1);
        }
        if (scratch[t] == null) {
            scratch[t] = new Scratch(patch * group * area, filters * group * area, filters * patch + filters);
        }
        return scratch[t];
    }

    /** One chunk's working memory: columns of a group of samples, their gradient, outputs, weight gradient. */
    private static final class Scratch {
        final float[] columns;
        final float[] gradColumns;
        final float[] outputs;
        final float[] gradWeights;

        Scratch(int columnSize, int outputSize, int weightSize) {
            columns = new float[columnSize];
            gradColumns = new float[columnSize];
            outputs = new float[outputSize];
            gradWeights = new float[weightSize];
        }
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
