package org.nnlab.engine.layer;

import java.util.function.IntConsumer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Parallelism;

/**
 * Rectified linear unit: y = max(0, x), dy/dx = 1 for x > 0, else 0 (NaN gives 0). Any shape, kept.
 * Both loops are memory-bound; they run a vector at a time (compare with 0, select). A large batch (the
 * output of a first convolution) is cut into pieces that the kernel threads share: run on the calling
 * thread alone it was the longest stretch of a LeNet step with one core idle, long enough for the other
 * thread to go to sleep before the next layer wanted it. Each value depends on itself alone, so the
 * split never changes a result.
 */
public final class Relu extends Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Rough cost of one value in multiply-adds, to decide on threads: a load, a compare and a store each way
     * cost about as much as a few dozen multiply-adds of a product that stays in the cache.
     */
    static final long WORK_PER_VALUE = 16;
    /** Pieces per thread, so a helper that starts late leaves its share to the others. */
    private static final int PIECES_PER_THREAD = 4;

    // the current pass, read by the pieces (made once, so a step allocates no closures)
    private final IntConsumer applyPiece = this::applyPiece;
    private final IntConsumer derivePiece = this::derivePiece;
    private float[] x;
    private float[] y;
    private float[] g;
    private int size;
    private int pieces;

    public Relu(LayerSpec spec) {
        super(spec);
    }

    @Override
    protected void apply(float[] x, float[] y) {
        int threads = Parallelism.threadsFor(WORK_PER_VALUE * x.length);
        if (threads <= 1) {
            apply(x, y, 0, x.length);
            return;
        }
        this.x = x;
        this.y = y;
        split(x.length, threads, applyPiece);
    }

    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx) {
        int threads = Parallelism.threadsFor(WORK_PER_VALUE * x.length);
        if (threads <= 1) {
            derive(x, g, dx, 0, x.length);
            return;
        }
        this.x = x;
        this.g = g;
        this.y = dx;
        split(x.length, threads, derivePiece);
    }

    private void split(int size, int threads, IntConsumer piece) {
        this.size = size;
        this.pieces = PIECES_PER_THREAD * threads;
        try {
            Parallelism.forEach(pieces, threads, piece);
        } finally {
            x = null;
            y = null;
            g = null;
        }
    }

    private int from(int i) {
        return (int) Parallelism.pieceStart(size, i, pieces);
    }

    private void applyPiece(int i) {
        apply(x, y, from(i), from(i + 1));
    }

    private void derivePiece(int i) {
        derive(x, g, y, from(i), from(i + 1));
    }

    /** y[i] = max(0, x[i]) for i in [from, to). */
    private static void apply(float[] x, float[] y, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            VectorMask<Float> positive = v.compare(VectorOperators.GT, 0f);
            zero.blend(v, positive).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = x[i] > 0 ? x[i] : 0f;
        }
    }

    /** dx[i] = g[i] where x[i] > 0, else 0, for i in [from, to). */
    private static void derive(float[] x, float[] g, float[] dx, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += L) {
            VectorMask<Float> positive = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, g, i), positive).intoArray(dx, i);
        }
        for (; i < to; i++) {
            dx[i] = x[i] > 0 ? g[i] : 0f;
        }
    }
}
