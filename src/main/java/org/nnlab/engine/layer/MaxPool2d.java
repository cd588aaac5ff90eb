package org.nnlab.engine.layer;

import java.util.function.IntConsumer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    /** Whether whole vectors of windows can be compared at once (float and int vectors of one length). */
    private static final boolean VECTOR = S.length() == IS.length() && S.length() >= 4;
    private final MaxPool2dSpec spec;
    private final WindowGeometry g;
    private Tensor output;
    private Tensor gradInput;
    private Shape inputShape;
    private int[] argmax = new int[0];
    private final Shape sample;
    private final Shape outSample;
    /** The input shape last checked, so a batch of the same buffer's shape is not checked again. */
    private Shape checkedInput;
    // the current pass, read by the parts (made once, so a step allocates no closures)
    private final IntConsumer forwardPart = this::forwardPart;
    private final IntConsumer backwardPart = this::backwardPart;
    private Tensor input;
    private Tensor gradOutput;
    private int planes;
    private int threads;
    /**
     * For output o of the batch, the input index of its window's first value. Entry o does not depend on
     * the batch size, so the largest batch's table serves a shorter one too.
     */
    private int[] corner = new int[0];
    /** Offsets of a window's values from its first one, in the scalar loop's order (row by row). */
    private final int[] window;

    public MaxPool2d(MaxPool2dSpec spec, WindowGeometry geometry) {
        this.spec = spec;
        this.g = geometry;
        this.sample = Shape.of(g.channels(), g.height(), g.width());
        this.outSample = Shape.of(g.channels(), g.outHeight(), g.outWidth());
        this.window = new int[g.kernelH() * g.kernelW()];
        for (int i = 0; i < g.kernelH(); i++) {
            for (int j = 0; j < g.kernelW(); j++) {
                window[i * g.kernelW() + j] = i * g.width() + j;
            }
        }
    }

    @Override
    public Shape outputShape(Shape in) {
        return spec.outputShape(in);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        int batch = x.shape() == checkedInput ? x.shape().dim(0) : Layers.requireBatch(this, x, sample);
        checkedInput = x.shape();
        inputShape = x.shape();
        input = x;
        // a buffer per batch size, so an epoch's shorter last batch does not replace the full one's
        output = Layers.buffer(output, batch, outSample);
        planes = batch * g.channels();
        if (argmax.length < planes * g.outArea()) {
            argmax = new int[planes * g.outArea()];
        }
        // memory-bound: a compare costs about as much time as several multiply-adds, hence the factor
        threads = Parallelism.threadsFor(8L * planes * g.outArea() * g.kernelH() * g.kernelW());
        if (VECTOR) {
            corners(planes);
        }
        Parallelism.forEach(threads, threads, forwardPart);
        return output;
    }

    /** Forward over part {@code t} of {@link #threads}: a range of whole vectors of outputs, or of planes. */
    private void forwardPart(int t) {
        float[] xs = input.data();
        float[] ys = output.data();
        if (VECTOR) {
            int outputs = planes * g.outArea();
            int L = S.length();
            int blocks = (outputs + L - 1) / L;
            poolVectors(xs, ys, argmax, corner, (int) ((long) blocks * t / threads) * L,
                    Math.min(outputs, (int) ((long) blocks * (t + 1) / threads) * L));
            return;
        }
        for (int p = planes * t / threads; p < planes * (t + 1) / threads; p++) {
            pool(xs, p * g.inArea(), ys, argmax, p * g.outArea());
        }
    }

    /** {@link #corner} for at least {@code planes} planes, rebuilt only when a larger batch comes. */
    private int[] corners(int planes) {
        int n = planes * g.outArea();
        if (corner.length < n) {
            int[] c = new int[n];
            for (int p = 0, o = 0; p < planes; p++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        c[o++] = p * g.inArea() + oy * g.strideH() * g.width() + ox * g.strideW();
                    }
                }
            }
            corner = c;
        }
        return corner;
    }

    /**
     * Outputs [o0, o1) of the whole batch, a vector of windows at a time: each window value is gathered
     * from its place and replaces the running maximum when larger or NaN (the scalar loop's rule, so the
     * same position wins), without a branch per value; the last part vector is done by {@link #pool}'s rule.
     */
    private void poolVectors(float[] xs, float[] ys, int[] arg, int[] at, int o0, int o1) {
        int L = S.length();
        int o = o0;
        for (; o + L <= o1; o += L) {
            IntVector base = IntVector.fromArray(IS, at, o);
            FloatVector max = FloatVector.fromArray(S, xs, 0, at, o);
            IntVector best = base;
            for (int q = 1; q < window.length; q++) {
                int d = window[q];
                FloatVector v = FloatVector.fromArray(S, xs, d, at, o);
                VectorMask<Float> take = v.compare(VectorOperators.GT, max).or(v.compare(VectorOperators.NE, v));
                max = max.blend(v, take);
                best = best.blend(base.add(d), take.cast(IS));
            }
            max.intoArray(ys, o);
            best.intoArray(arg, o);
        }
        for (; o < o1; o++) {
            int start = at[o];
            int bestIndex = start;
            float m = xs[start];
            for (int q = 1; q < window.length; q++) {
                float v = xs[start + window[q]];
                if (v > m || Float.isNaN(v)) {
                    m = v;
                    bestIndex = start + window[q];
                }
            }
            ys[o] = m;
            arg[o] = bestIndex;
        }
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
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        if (inputShape == null) {
            throw new IllegalStateException("MaxPool2d: backward called before forward");
        }
        gradInput = Layers.buffer(gradInput, inputShape);
        gradOutput = gradOut;
        // each plane's gradient stays in its plane, so planes can be shared out with the same result
        threads = Parallelism.threadsFor(4L * planes * g.inArea());
        Parallelism.forEach(threads, threads, backwardPart);
        gradOutput = null;
        return gradInput;
    }

    /** Backward over part {@code t} of {@link #threads}: clears its planes of dx and routes dy there. */
    private void backwardPart(int t) {
        float[] dx = gradInput.data();
        float[] dy = gradOutput.data();
        int[] arg = argmax;
        int p0 = planes * t / threads;
        int p1 = planes * (t + 1) / threads;
        java.util.Arrays.fill(dx, p0 * g.inArea(), p1 * g.inArea(), 0f);
        for (int o = p0 * g.outArea(); o < p1 * g.outArea(); o++) {
            dx[arg[o]] += dy[o];
        }
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
