package org.nnlab.engine.layer;

import java.util.function.IntConsumer;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Base of the activations that act on each value alone: y = f(x), dx = f'(x) ⊙ g, any shape. A subclass
 * implements the loops over a range of values, {@link #apply} and {@link #derive}, so there is one
 * virtual call per piece, not per value. The returned input gradient is a buffer reused by the next
 * backward call.
 * <p>
 * A large batch (the output of a first convolution) is cut into pieces that the kernel threads share:
 * run on the calling thread alone it was the longest stretch of a LeNet step with one core idle, long
 * enough for the other thread to go to sleep before the next layer wanted it. Each value depends on
 * itself alone, so the split never changes a result. How large a batch must be to be split follows
 * from {@link #workPerValue()}.
 */
abstract class Elementwise implements Layer {
    /** Pieces per thread, so a helper that starts late leaves its share to the others. */
    private static final int PIECES_PER_THREAD = 4;

    private final LayerSpec spec;
    private Tensor input;
    private Tensor output;
    private Tensor gradIn;
    // the current pass, read by the pieces (made once, so a step allocates no closures)
    private final IntConsumer applyPiece = this::applyPiece;
    private final IntConsumer derivePiece = this::derivePiece;
    private float[] x;
    private float[] y;
    private float[] g;
    private float[] dx;
    private int size;
    private int pieces;

    protected Elementwise(LayerSpec spec) {
        this.spec = spec;
    }

    /** y[i] = f(x[i]) for every i in [from, to). */
    protected abstract void apply(float[] x, float[] y, int from, int to);

    /** dx[i] = f'(x[i]) · g[i] for every i in [from, to), where y = f(x) from the forward pass is given too. */
    protected abstract void derive(float[] x, float[] y, float[] g, float[] dx, int from, int to);

    /**
     * Rough cost of one value in multiply-adds, to decide on threads: for a memory-bound loop (a load, a
     * compare and a store each way) about as much as a few dozen multiply-adds of a product that stays in
     * the cache; more for a function that calls {@code exp}.
     */
    protected long workPerValue() {
        return 16;
    }

    @Override
    public Shape outputShape(Shape input) {
        return spec.outputShape(input);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        input = x;
        output = Layers.buffer(output, x.shape());
        int threads = Parallelism.threadsFor(workPerValue() * x.size());
        if (threads <= 1) {
            apply(x.data(), output.data(), 0, x.size());
        } else {
            run(x.data(), output.data(), null, null, threads, applyPiece);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        if (gradOut.size() != output.size()) {
            throw new IllegalArgumentException(this + ": gradient " + gradOut.shape()
                    + " does not match the last output " + output.shape());
        }
        gradIn = Layers.buffer(gradIn, output.shape());
        int threads = Parallelism.threadsFor(workPerValue() * gradOut.size());
        if (threads <= 1) {
            derive(input.data(), output.data(), gradOut.data(), gradIn.data(), 0, gradOut.size());
        } else {
            run(input.data(), output.data(), gradOut.data(), gradIn.data(), threads, derivePiece);
        }
        return gradIn;
    }

    private void run(float[] x, float[] y, float[] g, float[] dx, int threads, IntConsumer piece) {
        this.x = x;
        this.y = y;
        this.g = g;
        this.dx = dx;
        this.size = x.length;
        this.pieces = PIECES_PER_THREAD * threads;
        try {
            Parallelism.forEach(pieces, threads, piece);
        } finally {
            this.x = null;
            this.y = null;
            this.g = null;
            this.dx = null;
        }
    }

    private int from(int i) {
        return (int) Parallelism.pieceStart(size, i, pieces);
    }

    private void applyPiece(int i) {
        apply(x, y, from(i), from(i + 1));
    }

    private void derivePiece(int i) {
        derive(x, y, g, dx, from(i), from(i + 1));
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
