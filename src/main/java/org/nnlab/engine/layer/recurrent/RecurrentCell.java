package org.nnlab.engine.layer.recurrent;

import java.util.List;
import org.nnlab.engine.layer.Param;

/**
 * The element-wise part of one recurrent step; {@link Recurrent} owns the time loop and the two matrix
 * products. Per step the loop hands the cell the gate pre-activations from the input,
 * {@code xProj = x_t·W_x + b} ({@code [batch, gates·hidden]}, rows of a batch-major buffer), and from the
 * state, {@code hProj = h_{t−1}·W_h} ({@code [batch, gates·hidden]}). The cell computes {@code h_t} and
 * keeps whatever backward needs for every step, in buffers it reuses between calls.
 * <p>
 * States live in a time-major buffer {@code h [steps + 1, batch, hidden]}, where block 0 is the zero
 * initial state and block {@code s + 1} is the state after processing step {@code s}.
 */
interface RecurrentCell {
    /** Number of gate blocks in the pre-activation (1 for tanh RNN, 4 for LSTM, 3 for GRU). */
    int gates();

    int hidden();

    /** Extra parameters the cell owns besides W_x, W_h and b (GRU's recurrent candidate bias); usually none. */
    List<Param> extraParams();

    /** Makes the per-step caches fit {@code steps × batch}; reuses them when the size is unchanged. */
    void prepare(int steps, int batch);

    /**
     * Step {@code s}: reads {@code h} block {@code s}, writes block {@code s + 1}. The input pre-activation
     * of sample b is at {@code xProj[xOff + b·xStride]}, the state part at {@code hProj[b·gates·hidden]}.
     */
    void forward(int s, int batch, float[] xProj, int xOff, int xStride, float[] hProj, float[] h);

    /**
     * Backward through step {@code s}. {@code dh} [batch, hidden] is the whole gradient arriving at
     * {@code h_{s+1}}. Writes d(loss)/d(input pre-activation) into {@code dPreX} (same layout as xProj),
     * d(loss)/d(hProj) into {@code dPreH[dPreHOff ...]} ([batch, gates·hidden]) and the gradient that
     * reaches {@code h_s} without going through W_h into {@code dhDirect} (overwritten). Cell-internal
     * state gradients (LSTM's cell state) are carried inside the cell between calls.
     */
    void backward(int s, int batch, float[] dh, float[] dPreX, int xOff, int xStride,
                  float[] dPreH, int dPreHOff, float[] h, float[] dhDirect);

    /** Forgets carried internal gradients: called before the last step and at truncation boundaries. */
    void resetCarry(int batch);

    static float sigmoid(float v) {
        return 1f / (1f + (float) Math.exp(-v));
    }
}
