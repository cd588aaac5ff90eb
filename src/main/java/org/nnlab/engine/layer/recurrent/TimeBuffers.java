package org.nnlab.engine.layer.recurrent;

import org.nnlab.engine.tensor.Shape;

/**
 * The buffers of one {@link Recurrent} layer's time loop, forward and backward, sized for a number of
 * steps and a batch and made again only when those change. Layouts (width = gates · hidden): rows in
 * processing order are the order the loop takes the steps in (reversed for a reversed layer).
 */
final class TimeBuffers {
    /**
     * Fewest samples in a slice for the one-pass pre-activation (see {@link #fused}): the kernel's smaller
     * tile, four rows, which reads the weights once per four rows and costs about as much per row as its
     * eight-row tile ({@code RecurrentKernelBenchmark}).
     */
    private static final int FUSED_ROWS = 4;
    /** Fewest samples in a slice whose products go through {@link org.nnlab.engine.tensor.MatMul} (8-row tiles). */
    private static final int PRODUCT_ROWS = 8;

    /** The input part of the pre-activation, [batch, steps, width]; empty when each step builds it in one pass. */
    float[] xProj = new float[0];
    /** One step's pre-activation (or its state part), [batch, width]. */
    float[] hProj = new float[0];
    /** h of every step, [steps + 1, batch, hidden] in processing order; block 0 is the zero initial state. */
    float[] states = new float[0];
    /** Gradient of the input part, [batch, steps, width]; empty for a summing cell (dPreH serves). */
    float[] dPreX = new float[0];
    /** A summing cell's input in processing order with a 1 after each row, [steps, batch, features + 1]. */
    float[] inputSteps = new float[0];
    /** Gradient of each step's pre-activation (state part), [steps, batch, width] in processing order. */
    float[] dPreH = new float[0];
    /** The gradient arriving at the current state, and its part that bypasses W_h, [batch, hidden] each. */
    float[] dh = new float[0];
    float[] dhDirect = new float[0];
    /** The output's shape, made again only when the batch or the number of steps changes. */
    private Shape output;

    /**
     * Whether a slice of {@code rows} samples builds each step's whole pre-activation in one pass from
     * x_t and h_{t−1} (a summing cell, slices that fill the kernel's 4-row tiles) instead of adding
     * h_{t−1}·W_h to an input part computed for all steps beforehand. Slices follow from the batch alone
     * ({@link #sliceRows}), so every slice of a batch of 4 or more takes this path.
     */
    static boolean fused(boolean summed, int rows) {
        return summed && rows >= FUSED_ROWS;
    }

    /** Fewest samples in one slice of the time loop: a summing cell's fused steps take 4, other cells' 8. */
    static int sliceRows(boolean summed) {
        return summed ? FUSED_ROWS : PRODUCT_ROWS;
    }

    /**
     * How many units of {@link #sliceRows} the first slices of a pass hold: two for the fused steps (their
     * 8-row tile, which measured a little faster in the whole loop than two 4-row ones), then the last
     * slices one each; one for other cells.
     */
    static int sliceGroup(boolean summed) {
        return summed ? 2 : 1;
    }

    /** Sizes every buffer for {@code steps × batch}; {@code fused}: the steps need no xProj. */
    void fit(int steps, int batch, int width, int hidden, int features, boolean summed, boolean fused) {
        xProj = new float[fused ? 0 : batch * steps * width];
        hProj = new float[batch * width];
        states = new float[(steps + 1) * batch * hidden];
        dPreX = new float[summed ? 0 : batch * steps * width];
        inputSteps = new float[summed ? steps * batch * (features + 1) : 0];
        dPreH = new float[steps * batch * width];
        dh = new float[batch * hidden];
        dhDirect = new float[batch * hidden];
    }

    /** The output's shape: [batch, steps, hidden] with whole sequences returned, else [batch, hidden]. */
    Shape outputShape(int batch, int steps, int hidden, boolean returnSequences) {
        Shape s = output;
        boolean fits = s != null && s.dim(0) == batch && (returnSequences
                ? s.rank() == 3 && s.dim(1) == steps && s.dim(2) == hidden
                : s.rank() == 2 && s.dim(1) == hidden);
        if (!fits) {
            s = returnSequences ? Shape.of(batch, steps, hidden) : Shape.of(batch, hidden);
            output = s;
        }
        return s;
    }
}
