package org.nnlab.engine.optim;

import java.util.function.IntConsumer;
import org.nnlab.engine.tensor.Parallelism;

/**
 * What every optimizer here shares: a learning rate, checked to be positive whenever it is set, and the
 * update of one parameter's values spread over the engine's threads. Each value's update reads and
 * writes only that value and its own state, so however the values are split, every one gets the same
 * bits; a large parameter (a dense layer's weights) is cut into pieces, a small one is updated on the
 * calling thread.
 */
abstract class RateOptimizer implements Optimizer {
    private double learningRate;
    /** The pieces of the current parameter, made once: handing them to threads allocates nothing. */
    private final IntConsumer piece = this::piece;
    private int size;
    private int pieces;

    RateOptimizer(double learningRate) {
        setLearningRate(learningRate);
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

    /**
     * Updates values [from, to) of the parameter the subclass set up before calling {@link #updateAll}.
     * Runs on several threads at once for disjoint ranges.
     */
    abstract void update(int from, int to);

    /**
     * Calls {@link #update} over [0, size), in pieces on the engine's threads when the work is large:
     * {@code workPerValue} is a rough count of floating-point operations per value (the double arithmetic
     * and the memory traffic of one update), which decides how many threads pay off.
     */
    final void updateAll(int size, long workPerValue) {
        int threads = Parallelism.threadsFor(size * workPerValue);
        if (threads <= 1) {
            update(0, size);
            return;
        }
        this.size = size;
        // a few pieces per thread, so a helper that starts late leaves its share to the others
        this.pieces = 4 * threads;
        Parallelism.forEach(pieces, threads, piece);
    }

    private void piece(int i) {
        // piece bounds on whole cache lines (16 floats), the last piece ending at the size
        int from = i == 0 ? 0 : (int) ((long) size * i / pieces) & ~15;
        int to = i == pieces - 1 ? size : (int) ((long) size * (i + 1) / pieces) & ~15;
        update(from, to);
    }
}
