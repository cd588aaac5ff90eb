package org.nnlab.engine.layer.recurrent;

import java.util.Arrays;
import java.util.List;
import org.nnlab.engine.layer.Param;

/**
 * Long short-term memory cell. The pre-activation holds four gate blocks of {@code hidden} values in the
 * order {@link #GATE_ORDER} (input i, forget f, candidate g, output o — the same order as PyTorch):
 * <pre>
 * i = σ(pre_i)   f = σ(pre_f)   g = tanh(pre_g)   o = σ(pre_o)
 * c_t = f ⊙ c_{t−1} + i ⊙ g        h_t = o ⊙ tanh(c_t)
 * </pre>
 * Caches per step: the four activated gates, c_t and tanh(c_t).
 */
final class LstmCell implements RecurrentCell {
    /** Gate blocks inside the 4·hidden pre-activation, in this order everywhere (weights, records, reference). */
    static final String GATE_ORDER = "ifgo";
    static final int I = 0;
    static final int F = 1;
    static final int G = 2;
    static final int O = 3;

    private final int hidden;
    private float[] gates = new float[0];   // [steps, batch, 4·hidden], activated
    private float[] cell = new float[0];    // [steps + 1, batch, hidden]
    private float[] tanhCell = new float[0]; // [steps, batch, hidden]
    private float[] dcCarry = new float[0];  // [batch, hidden]: d(loss)/d(c_t) from step t+1

    LstmCell(int hidden) {
        this.hidden = hidden;
    }

    @Override
    public int gates() {
        return 4;
    }

    @Override
    public int hidden() {
        return hidden;
    }

    @Override
    public List<Param> extraParams() {
        return List.of();
    }

    @Override
    public void prepare(int steps, int batch) {
        int n = steps * batch * hidden;
        if (cell.length != n + batch * hidden) {
            gates = new float[4 * n];
            cell = new float[n + batch * hidden];
            tanhCell = new float[n];
            dcCarry = new float[batch * hidden];
        }
    }

    /** Activated gates of all processed steps, [steps, batch, 4·hidden] in {@link #GATE_ORDER}. */
    float[] gateValues() {
        return gates;
    }

    /** Cell states, [steps + 1, batch, hidden]; block 0 is the zero initial state. */
    float[] cellStates() {
        return cell;
    }

    @Override
    public void forward(int s, int batch, float[] xProj, int xOff, int xStride, float[] hProj, float[] h) {
        int H = hidden;
        int g4 = 4 * H;
        int stepBase = s * batch * H;
        for (int b = 0; b < batch; b++) {
            int xi = xOff + b * xStride;
            int hi = b * g4;
            int gi = (stepBase + b * H) * 4;
            int cPrev = stepBase + b * H;
            int cNext = cPrev + batch * H;
            int hNext = cNext;
            for (int u = 0; u < H; u++) {
                float iv = RecurrentCell.sigmoid(xProj[xi + u] + hProj[hi + u]);
                float fv = RecurrentCell.sigmoid(xProj[xi + H + u] + hProj[hi + H + u]);
                float gv = (float) Math.tanh(xProj[xi + 2 * H + u] + hProj[hi + 2 * H + u]);
                float ov = RecurrentCell.sigmoid(xProj[xi + 3 * H + u] + hProj[hi + 3 * H + u]);
                gates[gi + u] = iv;
                gates[gi + H + u] = fv;
                gates[gi + 2 * H + u] = gv;
                gates[gi + 3 * H + u] = ov;
                float c = fv * cell[cPrev + u] + iv * gv;
                cell[cNext + u] = c;
                float tc = (float) Math.tanh(c);
                tanhCell[stepBase + b * H + u] = tc;
                h[hNext + u] = ov * tc;
            }
        }
    }

    @Override
    public void backward(int s, int batch, float[] dh, float[] dPreX, int xOff, int xStride,
                         float[] dPreH, int dPreHOff, float[] h, float[] dhDirect) {
        int H = hidden;
        int stepBase = s * batch * H;
        for (int b = 0; b < batch; b++) {
            int xi = xOff + b * xStride;
            int pi = dPreHOff + b * 4 * H;
            int gi = (stepBase + b * H) * 4;
            int cPrev = stepBase + b * H;
            for (int u = 0; u < H; u++) {
                float iv = gates[gi + u];
                float fv = gates[gi + H + u];
                float gv = gates[gi + 2 * H + u];
                float ov = gates[gi + 3 * H + u];
                float tc = tanhCell[stepBase + b * H + u];
                float dhv = dh[b * H + u];
                float dc = dcCarry[b * H + u] + dhv * ov * (1f - tc * tc);
                float di = dc * gv * iv * (1f - iv);
                float df = dc * cell[cPrev + u] * fv * (1f - fv);
                float dg = dc * iv * (1f - gv * gv);
                float dO = dhv * tc * ov * (1f - ov);
                dcCarry[b * H + u] = dc * fv;
                dPreX[xi + u] = di;
                dPreX[xi + H + u] = df;
                dPreX[xi + 2 * H + u] = dg;
                dPreX[xi + 3 * H + u] = dO;
                dPreH[pi + u] = di;
                dPreH[pi + H + u] = df;
                dPreH[pi + 2 * H + u] = dg;
                dPreH[pi + 3 * H + u] = dO;
            }
        }
        Arrays.fill(dhDirect, 0, batch * H, 0f);
    }

    @Override
    public void resetCarry(int batch) {
        Arrays.fill(dcCarry, 0, batch * hidden, 0f);
    }
}
