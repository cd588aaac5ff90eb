package org.nnlab.engine.layer.recurrent;

import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.nnlab.engine.layer.Param;

/**
 * The element-wise part of one recurrent step; {@link Recurrent} owns the time loop and the two matrix
 * products. Per step the loop hands the cell the gate pre-activations from the input,
 * {@code xProj = x_t·W_x + b} (rows of a batch-major buffer [batch, steps, gates·hidden]), and from the
 * state, {@code hProj = h_{t−1}·W_h} ([batch, gates·hidden]). The cell computes {@code h_t} and keeps
 * whatever backward needs for every step, in buffers it reuses between calls.
 * <p>
 * States live in a time-major buffer {@code h [steps + 1, batch, hidden]}: block 0 is the zero initial
 * state, block {@code s + 1} the state after processing step {@code s}. The forward and backward calls
 * handle samples [b0, b1) of the batch, so the loop can give disjoint sample ranges to several threads.
 */
interface RecurrentCell {
    VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** Number of gate blocks in the pre-activation (1 for tanh RNN, 4 for LSTM, 3 for GRU). */
    int gates();

    int hidden();

    /** Extra parameters the cell owns besides W_x, W_h and b (GRU's candidate state bias); usually none. */
    default List<Param> extraParams() {
        return List.of();
    }

    /**
     * True when {@link #forward} wants {@code hProj} to hold the whole pre-activation
     * {@code x_t·W_x + b + h_{t−1}·W_h} (the loop then builds the sum in one pass and the cell reads no
     * xProj); false when the cell needs the state part apart (GRU's reset gate scales it alone). The
     * gradients of the two parts are then equal: {@link #backward} writes only dPreH and leaves dPreX alone.
     */
    default boolean summedPreActivation() {
        return false;
    }

    /** Makes the per-step caches fit {@code steps × batch}; reuses them when the size is unchanged. */
    void prepare(int steps, int batch);

    /**
     * Step {@code s} for samples [b0, b1): reads {@code h} block {@code s}, writes block {@code s + 1}. The
     * input pre-activation of sample b starts at {@code xProj[xOff + b·xStride]}, the state part at
     * {@code hProj[b·gates·hidden]}.
     */
    void forward(int s, int b0, int b1, int batch, float[] xProj, int xOff, int xStride, float[] hProj, float[] h);

    /**
     * Backward through step {@code s} for samples [b0, b1). {@code dh} [batch, hidden] is the whole gradient
     * arriving at {@code h_{s+1}}. Writes d(loss)/d(input pre-activation) into {@code dPreX} (xProj's
     * layout), d(loss)/d(hProj) into {@code dPreH[dPreHOff …]} ([batch, gates·hidden]) and the gradient
     * reaching {@code h_s} without going through W_h into {@code dhDirect} (overwritten). Internal state
     * gradients (LSTM's cell state) are carried inside the cell between calls.
     */
    void backward(int s, int b0, int b1, int batch, float[] dh, float[] dPreX, int xOff, int xStride,
                  float[] dPreH, int dPreHOff, float[] h, float[] dhDirect);

    /** After the whole backward pass: gradients of the extra parameters from dPreH [steps, batch, width]. */
    default void finishBackward(float[] dPreH, int steps, int batch) {
    }

    /** Forgets carried internal gradients of samples [b0, b1): before the last step and at truncation boundaries. */
    void resetCarry(int b0, int b1);

    /** σ(v) = 1 / (1 + e^−v), with the same bits in every run ({@link CellMath}). */
    static float sigmoid(float v) {
        return CellMath.sigmoid(v);
    }

    static float tanh(float v) {
        return CellMath.tanh(v);
    }

    static FloatVector tanh(FloatVector v) {
        return CellMath.tanh(v);
    }

    static FloatVector sigmoid(FloatVector v) {
        return CellMath.sigmoid(v);
    }
}
