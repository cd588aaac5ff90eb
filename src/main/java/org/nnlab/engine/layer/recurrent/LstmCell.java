package org.nnlab.engine.layer.recurrent;

import static org.nnlab.engine.layer.recurrent.RecurrentCell.sigmoid;
import static org.nnlab.engine.layer.recurrent.RecurrentCell.tanh;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Long short-term memory cell. The pre-activation holds four gate blocks of {@code hidden} values in the
 * order {@link #GATE_ORDER} (input i, forget f, candidate g, output o — the same order as PyTorch):
 * <pre>
 * i = σ(pre_i)   f = σ(pre_f)   g = tanh(pre_g)   o = σ(pre_o)
 * c_t = f ⊙ c_{t−1} + i ⊙ g        h_t = o ⊙ tanh(c_t)
 * </pre>
 * Backward, with dc = dc_carry + dh ⊙ o ⊙ (1 − tanh²c_t): d pre_i = dc·g·i(1−i), d pre_f = dc·c_{t−1}·f(1−f),
 * d pre_g = dc·i·(1−g²), d pre_o = dh·tanh(c_t)·o(1−o), dc_carry ← dc ⊙ f.
 * Caches per step: the four activated gates, c_t and tanh(c_t). Vectorised over units.
 */
final class LstmCell implements RecurrentCell {
    /** Gate blocks inside the 4·hidden pre-activation, in this order everywhere (weights, records, reference). */
    static final String GATE_ORDER = "ifgo";
    static final int I = 0;
    static final int F = 1;
    static final int G = 2;
    static final int O = 3;

    private final int hidden;
    private float[] gates = new float[0];    // [steps, batch, 4·hidden], activated
    private float[] cell = new float[0];     // [steps + 1, batch, hidden]
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
    public boolean summedPreActivation() {
        return true;
    }

    /** hProj holds the whole pre-activation (see {@link #summedPreActivation()}); xProj is not read. */
    @Override
    public void forward(int s, int b0, int b1, int batch, float[] xProj, int xOff, int xStride, float[] hProj,
                        float[] h) {
        int H = hidden;
        int stepBase = s * batch * H;
        for (int b = b0; b < b1; b++) {
            int pi = b * 4 * H;
            int gi = (stepBase + b * H) * 4;
            CellMath.sigmoid(hProj, pi, gates, gi, 2 * H); // i and f, side by side
            CellMath.tanh(hProj, pi + G * H, gates, gi + G * H, H);
            CellMath.sigmoid(hProj, pi + O * H, gates, gi + O * H, H);
            update(gi, stepBase + b * H, batch * H, h);
        }
    }

    /** c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t) for one sample; its gates start at gi, c_{t−1} at cPrev. */
    private void update(int gi, int cPrev, int blockSize, float[] h) {
        int H = hidden;
        int cNext = cPrev + blockSize;
        int u = 0;
        for (int upper = SPECIES.loopBound(H); u < upper; u += SPECIES.length()) {
            FloatVector iv = FloatVector.fromArray(SPECIES, gates, gi + I * H + u);
            FloatVector fv = FloatVector.fromArray(SPECIES, gates, gi + F * H + u);
            FloatVector gv = FloatVector.fromArray(SPECIES, gates, gi + G * H + u);
            FloatVector c = fv.fma(FloatVector.fromArray(SPECIES, cell, cPrev + u), iv.mul(gv));
            c.intoArray(cell, cNext + u);
            FloatVector tc = tanh(c);
            tc.intoArray(tanhCell, cPrev + u);
            FloatVector.fromArray(SPECIES, gates, gi + O * H + u).mul(tc).intoArray(h, cNext + u);
        }
        for (; u < H; u++) {
            float c = Math.fma(gates[gi + F * H + u], cell[cPrev + u], gates[gi + I * H + u] * gates[gi + G * H + u]);
            cell[cNext + u] = c;
            float tc = RecurrentCell.tanh(c);
            tanhCell[cPrev + u] = tc;
            h[cNext + u] = gates[gi + O * H + u] * tc;
        }
    }

    /** Writes only dPreH: with a summed pre-activation it is also the input part's gradient. */
    @Override
    public void backward(int s, int b0, int b1, int batch, float[] dh, float[] dPreX, int xOff, int xStride,
                         float[] dPreH, int dPreHOff, float[] h, float[] dhDirect) {
        int H = hidden;
        int lanes = SPECIES.length();
        int stepBase = s * batch * H;
        for (int b = b0; b < b1; b++) {
            int pi = dPreHOff + b * 4 * H;
            int gi = (stepBase + b * H) * 4;
            int cPrev = stepBase + b * H;
            int d = b * H;
            int u = 0;
            for (; u <= H - lanes; u += lanes) {
                FloatVector iv = FloatVector.fromArray(SPECIES, gates, gi + I * H + u);
                FloatVector fv = FloatVector.fromArray(SPECIES, gates, gi + F * H + u);
                FloatVector gv = FloatVector.fromArray(SPECIES, gates, gi + G * H + u);
                FloatVector ov = FloatVector.fromArray(SPECIES, gates, gi + O * H + u);
                FloatVector tc = FloatVector.fromArray(SPECIES, tanhCell, cPrev + u);
                FloatVector dhv = FloatVector.fromArray(SPECIES, dh, d + u);
                FloatVector one = iv.broadcast(1f);
                FloatVector dc = dhv.mul(ov).mul(one.sub(tc.mul(tc))).add(FloatVector.fromArray(SPECIES, dcCarry, d + u));
                FloatVector di = dc.mul(gv).mul(iv).mul(one.sub(iv));
                FloatVector df = dc.mul(FloatVector.fromArray(SPECIES, cell, cPrev + u)).mul(fv).mul(one.sub(fv));
                FloatVector dg = dc.mul(iv).mul(one.sub(gv.mul(gv)));
                FloatVector dO = dhv.mul(tc).mul(ov).mul(one.sub(ov));
                dc.mul(fv).intoArray(dcCarry, d + u);
                di.intoArray(dPreH, pi + I * H + u);
                df.intoArray(dPreH, pi + F * H + u);
                dg.intoArray(dPreH, pi + G * H + u);
                dO.intoArray(dPreH, pi + O * H + u);
            }
            for (; u < H; u++) {
                float iv = gates[gi + I * H + u];
                float fv = gates[gi + F * H + u];
                float gv = gates[gi + G * H + u];
                float ov = gates[gi + O * H + u];
                float tc = tanhCell[cPrev + u];
                float dhv = dh[d + u];
                float dc = dcCarry[d + u] + dhv * ov * (1f - tc * tc);
                float di = dc * gv * iv * (1f - iv);
                float df = dc * cell[cPrev + u] * fv * (1f - fv);
                float dg = dc * iv * (1f - gv * gv);
                float dO = dhv * tc * ov * (1f - ov);
                dcCarry[d + u] = dc * fv;
                dPreH[pi + I * H + u] = di;
                dPreH[pi + F * H + u] = df;
                dPreH[pi + G * H + u] = dg;
                dPreH[pi + O * H + u] = dO;
            }
            Arrays.fill(dhDirect, d, d + H, 0f);
        }
    }

    @Override
    public void resetCarry(int b0, int b1) {
        Arrays.fill(dcCarry, b0 * hidden, b1 * hidden, 0f);
    }
}
