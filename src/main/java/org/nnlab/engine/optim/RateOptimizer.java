package org.nnlab.engine.optim;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.tensor.Parallelism;

/**
 * What every optimizer here shares: a learning rate, checked to be positive whenever it is set, and the
 * walk of {@link #step} over the parameters. A subclass keeps only its rule: {@link #prepare} fetches one
 * parameter's state, {@link #update} changes a range of its values. Each value's update reads and writes
 * only that value and its own state, so however the values are split, every one gets the same bits.
 * <p>
 * All parameters of a step are updated as one run of values, cut into pieces the engine's threads share:
 * a network's parameters are mostly small (biases, a convolution's few hundred weights), and updated one
 * parameter at a time only the largest was worth splitting, so the rest ran on one thread with the other
 * core idle. A piece may span the end of one parameter and the start of the next.
 */
abstract class RateOptimizer implements Optimizer {
    /** Pieces per thread, so a helper that starts late leaves its share to the others. */
    private static final int PIECES_PER_THREAD = 4;
    private double learningRate;
    /** Rough floating-point work of one value's update (arithmetic and memory traffic), to decide on threads. */
    private final long workPerValue;
    /** The pieces of the current step, made once: handing them to threads allocates nothing. */
    private final IntConsumer piece = this::piece;
    /** The current step's parameters (values and gradients) and where each starts in the run of all values. */
    private float[][] values = new float[0][];
    private float[][] grads = new float[0][];
    private long[] starts = new long[1];
    private int count;
    private long total;
    private int pieces;
    /** This step's learning rate, for {@link #update}. */
    double lr;

    RateOptimizer(double learningRate, long workPerValue) {
        setLearningRate(learningRate);
        this.workPerValue = workPerValue;
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(double learningRate) {
        Hyper.positive("learning rate", learningRate);
        this.learningRate = learningRate;
    }

    @Override
    public final void step(List<Param> params) {
        lr = learningRate();
        count = params.size();
        if (values.length < count) {
            values = new float[count][];
            grads = new float[count][];
            starts = new long[count + 1];
        }
        total = 0;
        for (int n = 0; n < count; n++) {
            Param param = params.get(n);
            values[n] = param.value().data();
            grads[n] = param.grad().data();
            starts[n] = total;
            total += values[n].length;
            prepare(n, param);
        }
        starts[count] = total;
        try {
            int threads = Parallelism.threadsFor(total * workPerValue);
            if (threads <= 1) {
                for (int n = 0; n < count; n++) {
                    update(n, values[n], grads[n], 0, values[n].length);
                }
            } else {
                pieces = PIECES_PER_THREAD * threads;
                Parallelism.forEach(pieces, threads, piece);
            }
        } finally {
            Arrays.fill(values, 0, count, null);
            Arrays.fill(grads, 0, count, null);
        }
    }

    /**
     * Sets up the rule's own state for parameter {@code index} of this step (its moments, step count)
     * before any values are updated; called for every parameter in order, on the calling thread.
     */
    abstract void prepare(int index, Param param);

    /**
     * Updates values [from, to) of parameter {@code index}: its values {@code p}, gradient {@code g}, the
     * state {@link #prepare} fetched and the rate {@link #lr}. Runs on several threads at once for disjoint
     * ranges.
     */
    abstract void update(int index, float[] p, float[] g, int from, int to);

    private void piece(int i) {
        long from = start(i);
        long to = start(i + 1);
        for (int n = 0; n < count && from < to; n++) {
            if (starts[n + 1] <= from) {
                continue;
            }
            int lo = (int) (from - starts[n]);
            int hi = (int) (Math.min(to, starts[n + 1]) - starts[n]);
            update(n, values[n], grads[n], lo, hi);
            from = starts[n] + hi;
        }
    }

    private long start(int i) {
        return Parallelism.pieceStart(total, i, pieces);
    }

    /** {@code state} with room for at least {@code index + 1} entries (a new array only when it has too few). */
    static float[][] room(float[][] state, int index) {
        return index < state.length ? state : Arrays.copyOf(state, Math.max(8, 2 * index + 2));
    }

    /** {@code state} with room for at least {@code index + 1} entries (a new array only when it has too few). */
    static double[] room(double[] state, int index) {
        return index < state.length ? state : Arrays.copyOf(state, Math.max(8, 2 * index + 2));
    }
}
