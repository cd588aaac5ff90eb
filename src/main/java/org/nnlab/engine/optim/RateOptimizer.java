package org.nnlab.engine.optim;

import java.util.List;
import java.util.function.IntConsumer;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.tensor.Parallelism;

/**
 * What every optimizer here shares: a learning rate, checked to be positive whenever it is set, and the
 * walk of {@link #step} over the parameters. A subclass keeps only its rule: {@link #prepare} fetches one
 * parameter's state, {@link #update} changes a range of its values. Each value's update reads and writes
 * only that value and its own state, so however the values are split, every one gets the same bits; a
 * large parameter (a dense layer's weights) is cut into pieces on the engine's threads, a small one is
 * updated on the calling thread.
 */
abstract class RateOptimizer implements Optimizer {
    private double learningRate;
    /** Rough floating-point work of one value's update (arithmetic and memory traffic), to decide on threads. */
    private final long workPerValue;
    /** The pieces of the current parameter, made once: handing them to threads allocates nothing. */
    private final IntConsumer piece = this::piece;
    private int size;
    private int pieces;
    /** The parameter being updated (values and gradient), for the pieces. */
    private float[] p;
    private float[] g;
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
        for (int n = 0; n < params.size(); n++) {
            Param param = params.get(n);
            p = param.value().data();
            g = param.grad().data();
            prepare(param);
            updateAll(p.length);
        }
        p = null;
        g = null;
    }

    /** Sets up the rule's own state for {@code param} (its moments, step count) before its values are updated. */
    abstract void prepare(Param param);

    /**
     * Updates values [from, to) of the current parameter: its values {@code p}, gradient {@code g}, the
     * state {@link #prepare} fetched and the rate {@link #lr}. Runs on several threads at once for disjoint
     * ranges.
     */
    abstract void update(float[] p, float[] g, int from, int to);

    private void updateAll(int size) {
        int threads = Parallelism.threadsFor(size * workPerValue);
        if (threads <= 1) {
            update(p, g, 0, size);
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
        update(p, g, from, to);
    }
}
