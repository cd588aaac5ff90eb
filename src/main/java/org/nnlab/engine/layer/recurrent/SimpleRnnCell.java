package org.nnlab.engine.layer.recurrent;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

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
    public void forward(int s, int b0, int b1, int batch, float[] xProj, int xOff, int xStride, float[] hProj,
                        float[] h) {
        int hOut = (s + 1) * batch * hidden;
        int lanes = SPECIES.length();
        for (int b = b0; b < b1; b++) {
            int xi = xOff + b * xStride;
            int hi = b * hidden;
            int o = hOut + b * hidden;
            int u = 0;
            for (; u <= hidden - lanes; u += lanes) {
                RecurrentCell.tanh(FloatVector.fromArray(SPECIES, xProj, xi + u)
                        .add(FloatVector.fromArray(SPECIES, hProj, hi + u))).intoArray(h, o + u);
            }
            for (; u < hidden; u++) {
                h[o + u] = RecurrentCell.tanh(xProj[xi + u] + hProj[hi + u]);
            }
        }
    }

    @Override
    public void backward(int s, int b0, int b1, int batch, float[] dh, float[] dPreX, int xOff, int xStride,
                         float[] dPreH, int dPreHOff, float[] h, float[] dhDirect) {
        int hCur = (s + 1) * batch * hidden;
        for (int b = b0; b < b1; b++) {
            int xi = xOff + b * xStride;
            int pi = dPreHOff + b * hidden;
            int hi = hCur + b * hidden;
            for (int u = 0; u < hidden; u++) {
                float y = h[hi + u];
                float d = dh[b * hidden + u] * (1f - y * y);
                dPreX[xi + u] = d;
                dPreH[pi + u] = d;
            }
            Arrays.fill(dhDirect, b * hidden, (b + 1) * hidden, 0f);
        }
    }

    @Override
    public void resetCarry(int b0, int b1) {
    }
}
