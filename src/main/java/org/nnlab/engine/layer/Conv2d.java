package org.nnlab.engine.layer;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
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
 * side when h'·w' is small (so the products are long enough to run fast), with a row of ones
 * appended, and then y = [W | b] · columns, d[W | b] += dy · columnsᵀ (the bias gradient is the
 * last column) and d(columns) = Wᵀ · dy, all through {@link MatMul}. The batch is split into a number
 * of chunks that depends on the shapes only, never on the thread count, and the threads
 * {@link Parallelism} allows share them out: each chunk sums its own partial weight gradient and the
 * partials are added in chunk order, so the result is the same bits on one thread or many. Working
 * buffers (columns, their gradient, outputs) belong to whichever thread runs a chunk, created once and
 * reused every step. In training the forward pass keeps
 * every sample's columns for backward (one buffer, reused); otherwise backward unfolds again. The
 * first layer of a trained network skips d(columns) and the fold entirely ({@link #backward(Tensor, boolean)}).
 * <p>
 * A stride-1 convolution (LeNet's both) does not unfold at all: {@link ShiftedConv} keeps each group's
 * input on its padded grid and reads the columns' rows as shifts of it, which took the unfold and fold
 * (a third of a {@code cnn} step's CPU time) out of the step. The chunks, groups and the order the
 * partial weight gradients are added in are the same on both paths. The path, the group and the chunk
 * count come from {@link ConvPlan}, which also tells the estimate of a run's memory what each path keeps.
 */
public final class Conv2d implements Layer {
    private final Conv2dSpec spec;
    private final WindowGeometry g;
    private final Param weight;
    private final Param bias;
    /** Made once: reports ask for the parameters of every layer. */
    private final List<Param> params;
    private final int filters;
    private final int patch;      // c·kh·kw
    private final int area;       // h'·w'
    private final int inSize;
    private final int rows;       // c·kh·kw + 1: the columns plus a row of ones for the bias
    private final float[] weightsAndBias;   // [W | b], [filters, rows]

    private Tensor input;
    private Tensor output;
    private Tensor gradInput;
    private final int group;      // samples unfolded side by side, so short products get long
    /** The passes without unfolding, for a stride-1 convolution; null for the others. */
    private final ShiftedConv shifted;
    /** Row length of a chunk's partial d[W | b]. */
    private final int gradWidth;
    /**
     * Working buffers, one set per thread that runs chunks at the same time, reused: slots a thread empties
     * when it takes a set and fills when it is done (no allocation per step, unlike a queue's nodes).
     */
    private final AtomicReferenceArray<Scratch> scratch = new AtomicReferenceArray<>(CHUNKS);
    private final Shape sample;
    private final Shape outSample;
    /** The input shape last checked, so a batch of the same buffer's shape is not checked again. */
    private Shape checkedInput;
    // the current pass, read by the chunk tasks (made once, so a step allocates no closures)
    private final IntConsumer forwardChunk = this::forwardChunk;
    private final IntConsumer backwardChunk = this::backwardChunk;
    private int batch;
    private int chunkCount;
    private boolean keep;
    private boolean kept;
    private boolean wantInputGradient;
    private Tensor gradOutput;
    /** Each chunk's partial d[W | b], [filters, rows]. */
    private float[][] chunkGradients = new float[0][];
    /** Training: every sample's columns from forward, kept for backward ([rows, gs·area] per group). */
    private float[] saved = new float[0];
    /** The chunk count of the forward pass that filled {@link #saved}, 0 when it holds nothing valid. */
    private int savedChunks;

    public Conv2d(Conv2dSpec spec, WindowGeometry geometry, RandomGenerator rng) {
        this.spec = spec;
        this.g = geometry;
        this.filters = spec.filters();
        this.patch = g.channels() * g.kernelH() * g.kernelW();
        this.area = g.outArea();
        this.inSize = g.channels() * g.inArea();
        this.group = ConvPlan.group(g);
        this.rows = patch + 1;
        this.shifted = ConvPlan.shifted(g) ? new ShiftedConv(g, filters, group) : null;
        this.gradWidth = shifted != null ? shifted.gradWidth : rows;
        this.sample = Shape.of(g.channels(), g.height(), g.width());
        this.outSample = Shape.of(filters, g.outHeight(), g.outWidth());
        this.weightsAndBias = new float[filters * rows];
        // PyTorch's default: uniform in ±1/sqrt(fan-in) for weights and bias
        double bound = 1 / Math.sqrt(patch);
        this.weight = Param.of("weight",
                Tensor.uniform(Shape.of(filters, g.channels(), g.kernelH(), g.kernelW()), -bound, bound, rng));
        this.bias = Param.of("bias", Tensor.uniform(Shape.of(filters), -bound, bound, rng));
        this.params = List.of(weight, bias);
    }

    @Override
    public Shape outputShape(Shape in) {
        return spec.outputShape(in);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        int batch = x.shape() == checkedInput ? x.shape().dim(0) : Layers.requireBatch(this, x, sample);
        checkedInput = x.shape();
        input = x;
        // a buffer per batch size, so an epoch's shorter last batch does not replace the full one's
        output = Layers.buffer(output, batch, outSample);
        int chunks = chunks(batch);
        float[] w = weight.value().data();
        float[] b = bias.value().data();
        for (int f = 0; f < filters; f++) {
            System.arraycopy(w, f * patch, weightsAndBias, f * rows, patch);
            weightsAndBias[f * rows + patch] = b[f];
        }
        // in training the columns are kept for backward (they cost as much to unfold again as to keep)
        keep = mode == Mode.TRAIN;
        savedChunks = 0;
        if (shifted != null) {
            shifted.prepareForward(weightsAndBias);
            int groups = (batch + group - 1) / group;
            if (keep && saved.length < groups * shifted.imageSize) {
                saved = shifted.newImages(groups);
            }
        } else if (keep && saved.length < batch * rows * area) {
            saved = new float[batch * rows * area];
        }
        this.batch = batch;
        this.chunkCount = chunks;
        Parallelism.forEach(chunks, threadsFor(batch, 1), forwardChunk);
        savedChunks = keep ? chunks : 0;
        return output;
    }

    /** The forward pass over chunk {@code t} of the batch. */
    private void forwardChunk(int t) {
        Scratch sc = takeScratch();
        float[] xs = input.data();
        float[] ys = output.data();
        int end = from(t + 1, batch, chunkCount);
        for (int n0 = from(t, batch, chunkCount); n0 < end; n0 += group) {
            int gs = Math.min(group, end - n0);
            if (shifted != null) {
                float[] image = keep ? saved : sc.columns();
                int off = keep ? n0 / group * shifted.imageSize : 0;
                shifted.fill(xs, n0, gs, image, off);
                shifted.forward(image, off, n0, gs, sc.outputs(), ys);
                continue;
            }
            float[] cols = keep ? saved : sc.columns();
            int colOff = keep ? n0 * rows * area : 0;
            int ld = unfold(xs, n0, gs, cols, colOff);
            if (gs == 1) {
                MatMul.multiply(weightsAndBias, 0, false, cols, colOff, false, ys, n0 * filters * area,
                        filters, area, rows, false, 1);
            } else {
                MatMul.multiply(weightsAndBias, 0, false, cols, colOff, false, sc.outputs(), 0,
                        filters, ld, rows, false, 1);
                for (int s = 0; s < gs; s++) {
                    for (int f = 0; f < filters; f++) {
                        System.arraycopy(sc.outputs(), f * ld + s * area, ys, ((n0 + s) * filters + f) * area, area);
                    }
                }
            }
        }
        putScratch(sc);
    }

    /**
     * Unfolds samples n0 … n0 + gs − 1 side by side into {@code columns} and appends a row of ones (it
     * multiplies the bias column of [W | b], and gives d(bias) as the last column of d[W | b]).
     * Returns the row length gs·h'·w'.
     */
    private int unfold(float[] xs, int n0, int gs, float[] columns, int off) {
        int ld = gs * area;
        for (int s = 0; s < gs; s++) {
            Im2col.unfold(g, xs, (n0 + s) * inSize, columns, off + s * area, ld);
        }
        Arrays.fill(columns, off + patch * ld, off + patch * ld + ld, 1f);
        return ld;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        if (input == null) {
            throw new IllegalStateException("Conv2d: backward called before forward");
        }
        int batch = input.shape().dim(0);
        if (inputGradient) {
            // each chunk clears its own samples' part before folding into it, on its own thread
            gradInput = Layers.buffer(gradInput, input.shape());
        }
        int chunks = chunks(batch);
        if (chunkGradients.length < chunks) {
            chunkGradients = new float[chunks][shifted != null ? shifted.gradRows * gradWidth : filters * rows];
        }
        if (shifted != null && inputGradient) {
            shifted.prepareBackward(weight.value().data());
        }
        // the kept columns are laid out by the forward pass's groups, which follow its chunks
        kept = savedChunks == chunks;
        this.batch = batch;
        this.chunkCount = chunks;
        this.gradOutput = gradOut;
        this.wantInputGradient = inputGradient;
        Parallelism.forEach(chunks, threadsFor(batch, 2), backwardChunk);
        this.gradOutput = null;
        float[] gw = weight.grad().data();
        float[] gb = bias.grad().data();
        for (int t = 0; t < chunks; t++) {
            float[] dwb = chunkGradients[t];
            for (int f = 0; f < filters; f++) {
                for (int q = 0; q < patch; q++) {
                    gw[f * patch + q] += dwb[f * gradWidth + q];
                }
                gb[f] += dwb[f * gradWidth + patch];
            }
        }
        return inputGradient ? gradInput : null;
    }

    /** The backward pass over chunk {@code t}: its partial d[W | b] and, when wanted, its samples' dx. */
    private void backwardChunk(int t) {
        Scratch sc = takeScratch();
        float[] xs = input.data();
        float[] dy = gradOutput.data();
        float[] dx = wantInputGradient ? gradInput.data() : null;
        float[] w = weight.value().data();
        float[] dwb = chunkGradients[t];
        Arrays.fill(dwb, 0f);
        int end = from(t + 1, batch, chunkCount);
        if (dx != null && shifted == null) {
            Arrays.fill(dx, from(t, batch, chunkCount) * inSize, end * inSize, 0f);
        }
        for (int n0 = from(t, batch, chunkCount); n0 < end; n0 += group) {
            int gs = Math.min(group, end - n0);
            if (shifted != null) {
                float[] image = kept ? saved : sc.columns();
                int off = kept ? n0 / group * shifted.imageSize : 0;
                if (!kept) {
                    shifted.fill(xs, n0, gs, image, off);
                }
                shifted.backward(image, off, n0, gs, dy, sc.gradOutputs(), sc.gradColumns(), dwb, dx);
                continue;
            }
            float[] cols = kept ? saved : sc.columns();
            int colOff = kept ? n0 * rows * area : 0;
            int ld = kept ? gs * area : unfold(xs, n0, gs, cols, 0);
            float[] dys = dy;
            int dyOff = n0 * filters * area;
            if (gs > 1) {
                for (int s = 0; s < gs; s++) {
                    for (int f = 0; f < filters; f++) {
                        System.arraycopy(dy, ((n0 + s) * filters + f) * area, sc.outputs(), f * ld + s * area, area);
                    }
                }
                dys = sc.outputs();
                dyOff = 0;
            }
            // d[W | b] += dy · [columns; ones]ᵀ
            MatMul.multiply(dys, dyOff, false, cols, colOff, true, dwb, 0, filters, rows, ld, true, 1);
            if (dx == null) {
                continue;
            }
            // d(columns) = Wᵀ · dy, folded back onto dx
            MatMul.multiply(w, 0, true, dys, dyOff, false, sc.gradColumns(), 0, patch, ld, filters, false, 1);
            for (int s = 0; s < gs; s++) {
                Im2col.fold(g, sc.gradColumns(), s * area, ld, dx, (n0 + s) * inSize);
            }
        }
        putScratch(sc);
    }

    /**
     * How many chunks to split a batch into ({@link ConvPlan#chunks}). Free threads take the remaining
     * chunks, so a thread the system pauses holds up only a small piece.
     */
    private int chunks(int batch) {
        return ConvPlan.chunks(g, filters, batch);
    }

    private static final int CHUNKS = ConvPlan.CHUNKS;

    private int threadsFor(int batch, int passes) {
        return ConvPlan.threadsFor(g, filters, batch, passes);
    }

    /** First sample of chunk {@code chunk}: chunks hold whole groups of samples. */
    private int from(int chunk, int batch, int chunks) {
        int groups = (batch + group - 1) / group;
        return Math.min(batch, (int) ((long) groups * chunk / chunks) * group);
    }

    /** A set of working buffers no other thread is using (made when all are taken); {@link #putScratch} it after. */
    private Scratch takeScratch() {
        for (int i = 0; i < CHUNKS; i++) {
            Scratch sc = scratch.getAndSet(i, null);
            if (sc != null) {
                return sc;
            }
        }
        if (shifted != null) {
            return new Scratch(shifted.newImages(1), shifted.newGradImage(), shifted.newOutputs(),
                    shifted.newGradOutputs());
        }
        return new Scratch(new float[rows * group * area], new float[patch * group * area],
                new float[filters * group * area], new float[0]);
    }

    /** Returns a set of working buffers to the first free slot (at most one per chunk running at a time). */
    private void putScratch(Scratch sc) {
        for (int i = 0; i < CHUNKS; i++) {
            if (scratch.compareAndSet(i, null, sc)) {
                return;
            }
        }
    }

    /**
     * A thread's working memory for one group of samples: columns (or the image), their gradient, outputs
     * (and the output gradient, for {@link ShiftedConv}; the unfolding passes use the outputs' buffer).
     */
    private record Scratch(float[] columns, float[] gradColumns, float[] outputs, float[] gradOutputs) {
    }

    @Override
    public List<Param> params() {
        return params;
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
