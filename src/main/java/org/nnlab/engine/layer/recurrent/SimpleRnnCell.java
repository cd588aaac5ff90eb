package org.nnlab.engine.layer.recurrent;

import java.util.Arrays;

/**
 * Elman cell: {@code h_t = tanh(x_t·W_x + h_{t−1}·W_h + b)}; one gate block. Backward:
 * {@code d pre = dh_t ⊙ (1 − h_t²)}, which is the gradient of both the input and the state product.
 */
final class SimpleRnnCell implements RecurrentCell {
    private final int hidden;

    SimpleRnnCell(int hidden) {
        this.hidden = hidden;
    }

    @Override
    public int gates() {
        return 1;
    }

    @Override
    public int hidden() {
        return hidden;
    }

    @Override
    public void prepare(int steps, int batch) {
    }

    @Override
    public boolean summedPreActivation() {
        return true;
    }

    /** hProj holds the whole pre-activation (see {@link #summedPreActivation()}); xProj is not read. */
    @Override
    public void forward(int s, int b0, int b1, int batch, float[] xProj, int xOff, int xStride, float[] hProj,
                        float[] h) {
        int hOut = (s + 1) * batch * hidden;
        CellMath.tanh(hProj, b0 * hidden, h, hOut + b0 * hidden, (b1 - b0) * hidden);
    }

    /** Writes only dPreH: with a summed pre-activation it is also the input part's gradient. */
    @Override
    public void backward(int s, int b0, int b1, int batch, float[] dh, float[] dPreX, int xOff, int xStride,
                         float[] dPreH, int dPreHOff, float[] h, float[] dhDirect) {
        int hCur = (s + 1) * batch * hidden;
        for (int i = b0 * hidden; i < b1 * hidden; i++) {
            float y = h[hCur + i];
            dPreH[dPreHOff + i] = dh[i] * (1f - y * y);
        }
        Arrays.fill(dhDirect, b0 * hidden, b1 * hidden, 0f);
    }

    @Override
    public void resetCarry(int b0, int b1) {
    }
}
