package org.nnlab.engine.layer;

import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.engine.tensor.Parallelism;

/**
 * What a {@link Conv2d} decides from its shapes alone, in one place for the layer itself and for the
 * estimate of a run's memory ({@link org.nnlab.engine.spec.TrainingMemory}), so the two cannot drift apart:
 * which path it takes ({@link ShiftedConv} for stride 1, else unfolding by {@link Im2col}), how many
 * samples a group holds, how many chunks a batch is split into, and how many float values the buffers
 * of the chosen path hold:
 * <ul>
 *   <li>kept from the forward to the backward pass in training: each group's input on its padded grid
 *       (shifted), or every sample's unfolded columns, [c·kh·kw + 1, h'·w'] (unfolding);</li>
 *   <li>a working set per thread that runs chunks at the same time: the image, its gradient, outputs and
 *       their gradient (shifted), or a group's columns, their gradient and outputs (unfolding);</li>
 *   <li>a partial weight gradient per chunk, and the weights copied as [W | b] (and packed, shifted).</li>
 * </ul>
 * The output and the input gradient, [batch, filters, h', w'] and [batch, c, h, w], are not counted here.
 */
public final class ConvPlan {
    /**
     * Chunks a large batch is split into at most: small enough pieces that the thread finishing last
     * waits little for the other (LeNet's first layer: 16 chunks of 4 samples).
     */
    static final int CHUNKS = 16;

    private ConvPlan() {
    }

    /** Whether the convolution takes {@link ShiftedConv}'s path (no unfolding): stride 1 and padding it can lay out. */
    public static boolean shifted(WindowGeometry g) {
        return ShiftedConv.fits(g);
    }

    /**
     * Samples unfolded (or laid out) side by side, so short products get long: enough for about 512 output
     * positions, a power of two (the usual batch sizes then split into whole groups threads can share
     * evenly), at most 16.
     */
    public static int group(WindowGeometry g) {
        int area = g.outArea();
        return Math.min(16, Integer.highestOneBit(Math.max(1, (512 + area - 1) / area) * 2 - 1));
    }

    /**
     * How many chunks a batch is split into: one for little work, else up to {@value #CHUNKS}, each a
     * whole number of groups. The count follows from the shapes alone: how the weight gradient is summed
     * must not depend on how many threads there are.
     */
    public static int chunks(WindowGeometry g, int filters, int batch) {
        long work = (long) batch * 2L * 2L * filters * patch(g) * g.outArea();
        int group = group(g);
        int groups = (batch + group - 1) / group;
        return work < 2 * Parallelism.MIN_FLOPS_PER_THREAD ? 1 : Math.min(groups, CHUNKS);
    }

    /** Threads a pass over {@code batch} samples uses ({@code passes} products per sample), under the current setting. */
    static int threadsFor(WindowGeometry g, int filters, int batch, int passes) {
        return Parallelism.threadsFor((long) batch * passes * 2L * filters * patch(g) * g.outArea());
    }

    /** Values a training batch of {@code batch} samples keeps from the forward to the backward pass. */
    public static long kept(WindowGeometry g, int filters, int batch) {
        if (shifted(g)) {
            int group = group(g);
            return (long) ((batch + group - 1) / group) * ShiftedConv.imageSize(g, group);
        }
        return (long) batch * (patch(g) + 1) * g.outArea();
    }

    /**
     * Values of the buffers a training batch of {@code batch} samples leaves behind besides those it keeps
     * for backward: the working sets of the threads that ran chunks at the same time (at most the threads
     * the current call may use, see {@link Parallelism#threads()}), each chunk's partial weight gradient, and
     * the weights copied as [W | b] (and packed).
     */
    public static long workspace(WindowGeometry g, int filters, int batch) {
        int chunks = chunks(g, filters, batch);
        int sets = Math.min(CHUNKS, Math.min(chunks, Math.max(1, threadsFor(g, filters, batch, 2))));
        int group = group(g);
        long rows = patch(g) + 1;
        long perSet;
        long gradient;
        long weights = filters * rows;
        if (shifted(g)) {
            perSet = ShiftedConv.imageSize(g, group) + ShiftedConv.gradImageSize(g, group)
                    + ShiftedConv.outputsSize(g, filters, group) + ShiftedConv.gradOutputsSize(g, filters, group);
            gradient = ShiftedConv.gradientSize(g, filters);
            weights += ShiftedConv.packedSize(g, filters);
        } else {
            perSet = (rows + patch(g) + filters) * group * g.outArea();
            gradient = filters * rows;
        }
        return sets * perSet + chunks * gradient + weights;
    }

    /** c·kh·kw: the values under one window. */
    private static long patch(WindowGeometry g) {
        return (long) g.channels() * g.kernelH() * g.kernelW();
    }
}
