package org.nnlab.engine.layer.recurrent;

import java.util.List;
import jdk.incubator.vector.FloatVector;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Gated recurrent unit, three gate blocks in the order reset r, update z, candidate n (as PyTorch):
 * <pre>
 * r = σ(x·W_xr + b_r + h_{t−1}·W_hr)      z = σ(x·W_xz + b_z + h_{t−1}·W_hz)
 * n = tanh(x·W_xn + b_n + r ⊙ (h_{t−1}·W_hn + b_hn))
 * h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 * </pre>
 * The candidate's state bias {@code b_hn} sits inside the reset product, so it is a parameter of its
 * own ({@code hiddenBias}, [hidden]); the other biases live in the layer's single bias b.
 */
final class GruCell implements RecurrentCell {
    static final String GATE_ORDER = "rzn";

    private final int hidden;
    private final Param hiddenBias;
    private float[] r = new float[0];   // [steps, batch, hidden]
    private float[] z = new float[0];
    private float[] n = new float[0];
    private float[] hn = new float[0];  // h_{t−1}·W_hn + b_hn

    GruCell(int hidden) {
        this.hidden = hidden;
        this.hiddenBias = Param.of("hiddenBias", Tensor.zeros(Shape.of(hidden)));
    }

    @Override
    public int gates() {
        return 3;
    }

    @Override
    public int hidden() {
        return hidden;
    }

    @Override
    public List<Param> extraParams() {
        return List.of(hiddenBias);
    }

    @Override
    public void prepare(int steps, int batch) {
        int size = steps * batch * hidden;
        if (r.length != size) {
            r = new float[size];
            z = new float[size];
            n = new float[size];
            hn = new float[size];
        }
    }

    @Override
    public void forward(int s, int b0, int b1, int batch, float[] xProj, int xOff, int xStride, float[] hProj,
                        float[] h) {
        int H = hidden;
        float[] bhn = hiddenBias.value().data();
        int stepBase = s * batch * H;
        for (int b = b0; b < b1; b++) {
            int xi = xOff + b * xStride;
            int hi = b * 3 * H;
            int c = stepBase + b * H;
            int hPrev = stepBase + b * H;
            int hNext = hPrev + batch * H;
            int lanes = SPECIES.length();
            int u = 0;
            for (; u <= H - lanes; u += lanes) {
                FloatVector rv = RecurrentCell.sigmoid(FloatVector.fromArray(SPECIES, xProj, xi + u)
                        .add(FloatVector.fromArray(SPECIES, hProj, hi + u)));
                FloatVector zv = RecurrentCell.sigmoid(FloatVector.fromArray(SPECIES, xProj, xi + H + u)
                        .add(FloatVector.fromArray(SPECIES, hProj, hi + H + u)));
                FloatVector hnv = FloatVector.fromArray(SPECIES, hProj, hi + 2 * H + u)
                        .add(FloatVector.fromArray(SPECIES, bhn, u));
                FloatVector nv = RecurrentCell.tanh(rv.fma(hnv, FloatVector.fromArray(SPECIES, xProj, xi + 2 * H + u)));
                rv.intoArray(r, c + u);
                zv.intoArray(z, c + u);
                nv.intoArray(n, c + u);
                hnv.intoArray(hn, c + u);
                // h = n + z ⊙ (h_prev − n)
                zv.fma(FloatVector.fromArray(SPECIES, h, hPrev + u).sub(nv), nv).intoArray(h, hNext + u);
            }
            for (; u < H; u++) {
                float rv = RecurrentCell.sigmoid(xProj[xi + u] + hProj[hi + u]);
                float zv = RecurrentCell.sigmoid(xProj[xi + H + u] + hProj[hi + H + u]);
                float hnv = hProj[hi + 2 * H + u] + bhn[u];
                float nv = RecurrentCell.tanh(xProj[xi + 2 * H + u] + rv * hnv);
                r[c + u] = rv;
                z[c + u] = zv;
                n[c + u] = nv;
                hn[c + u] = hnv;
                h[hNext + u] = (1f - zv) * nv + zv * h[hPrev + u];
            }
        }
    }

    @Override
    public void backward(int s, int b0, int b1, int batch, float[] dh, float[] dPreX, int xOff, int xStride,
                         float[] dPreH, int dPreHOff, float[] h, float[] dhDirect) {
        int H = hidden;
        int stepBase = s * batch * H;
        for (int b = b0; b < b1; b++) {
            int xi = xOff + b * xStride;
            int pi = dPreHOff + b * 3 * H;
            int c = stepBase + b * H;
            for (int u = 0; u < H; u++) {
                float rv = r[c + u];
                float zv = z[c + u];
                float nv = n[c + u];
                float dhv = dh[b * H + u];
                float dPreN = dhv * (1f - zv) * (1f - nv * nv);
                float dPreZ = dhv * (h[c + u] - nv) * zv * (1f - zv);
                float dPreR = dPreN * hn[c + u] * rv * (1f - rv);
                float dHn = dPreN * rv;
                dPreX[xi + u] = dPreR;
                dPreX[xi + H + u] = dPreZ;
                dPreX[xi + 2 * H + u] = dPreN;
                dPreH[pi + u] = dPreR;
                dPreH[pi + H + u] = dPreZ;
                dPreH[pi + 2 * H + u] = dHn;
                dhDirect[b * H + u] = dhv * zv;
            }
        }
    }

    /** d b_hn = Σ over steps and samples of d(h_{t−1}·W_hn + b_hn), the candidate block of dPreH. */
    @Override
    public void finishBackward(float[] dPreH, int steps, int batch) {
        float[] dbhn = hiddenBias.grad().data();
        int H = hidden;
        for (int row = 0; row < steps * batch; row++) {
            int o = row * 3 * H + 2 * H;
            for (int u = 0; u < H; u++) {
                dbhn[u] += dPreH[o + u];
            }
        }
    }

    @Override
    public void resetCarry(int b0, int b1) {
    }
}
