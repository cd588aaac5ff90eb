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
            // one exponential per loop, as in LstmCell: a loop body holding three is too large for C2 to
            // inline the Vector API calls it makes, and its vectors then live on the heap
            CellMath.addTo(xProj, xi, hProj, hi, r, c, H);
            CellMath.sigmoid(r, c, r, c, H);
            CellMath.addTo(xProj, xi + H, hProj, hi + H, z, c, H);
            CellMath.sigmoid(z, c, z, c, H);
            candidate(xProj, xi + 2 * H, hProj, hi + 2 * H, bhn, c);
            CellMath.tanh(n, c, n, c, H);
            mix(c, c + batch * H, h);
        }
    }

    /** hn = h_{t−1}·W_hn + b_hn and, in n, the candidate's pre-activation x·W_xn + b_n + r ⊙ hn. */
    private void candidate(float[] xProj, int xi, float[] hProj, int hi, float[] bhn, int c) {
        int u = 0;
        for (int upper = SPECIES.loopBound(hidden); u < upper; u += SPECIES.length()) {
            FloatVector hnv = FloatVector.fromArray(SPECIES, hProj, hi + u).add(FloatVector.fromArray(SPECIES, bhn, u));
            hnv.intoArray(hn, c + u);
            FloatVector.fromArray(SPECIES, r, c + u).fma(hnv, FloatVector.fromArray(SPECIES, xProj, xi + u))
                    .intoArray(n, c + u);
        }
        for (; u < hidden; u++) {
            float hnv = hProj[hi + u] + bhn[u];
            hn[c + u] = hnv;
            n[c + u] = Math.fma(r[c + u], hnv, xProj[xi + u]);
        }
    }

    /** h_t = n + z ⊙ (h_{t−1} − n) for the sample whose gates start at c; h_{t−1} at c, h_t at next. */
    private void mix(int c, int next, float[] h) {
        int u = 0;
        for (int upper = SPECIES.loopBound(hidden); u < upper; u += SPECIES.length()) {
            FloatVector nv = FloatVector.fromArray(SPECIES, n, c + u);
            FloatVector.fromArray(SPECIES, z, c + u).fma(FloatVector.fromArray(SPECIES, h, c + u).sub(nv), nv)
                    .intoArray(h, next + u);
        }
        for (; u < hidden; u++) {
            h[next + u] = Math.fma(z[c + u], h[c + u] - n[c + u], n[c + u]);
        }
    }

    /**
     * Gate gradients of step s for samples [b0, b1), vectorised over units; the scalar tail repeats the
     * vector arithmetic step for step, so every unit gets the same bits either way.
     */
    @Override
    public void backward(int s, int b0, int b1, int batch, float[] dh, float[] dPreX, int xOff, int xStride,
                         float[] dPreH, int dPreHOff, float[] h, float[] dhDirect) {
        int H = hidden;
        int stepBase = s * batch * H;
        for (int b = b0; b < b1; b++) {
            int xi = xOff + b * xStride;
            int pi = dPreHOff + b * 3 * H;
            int c = stepBase + b * H;
            int d = b * H;
            int u = 0;
            for (int upper = SPECIES.loopBound(H); u < upper; u += SPECIES.length()) {
                FloatVector rv = FloatVector.fromArray(SPECIES, r, c + u);
                FloatVector zv = FloatVector.fromArray(SPECIES, z, c + u);
                FloatVector nv = FloatVector.fromArray(SPECIES, n, c + u);
                FloatVector dhv = FloatVector.fromArray(SPECIES, dh, d + u);
                FloatVector one = rv.broadcast(1f);
                FloatVector dPreN = dhv.mul(one.sub(zv)).mul(one.sub(nv.mul(nv)));
                FloatVector dPreZ = dhv.mul(FloatVector.fromArray(SPECIES, h, c + u).sub(nv)).mul(zv).mul(one.sub(zv));
                FloatVector dPreR = dPreN.mul(FloatVector.fromArray(SPECIES, hn, c + u)).mul(rv).mul(one.sub(rv));
                dPreR.intoArray(dPreX, xi + u);
                dPreZ.intoArray(dPreX, xi + H + u);
                dPreN.intoArray(dPreX, xi + 2 * H + u);
                dPreR.intoArray(dPreH, pi + u);
                dPreZ.intoArray(dPreH, pi + H + u);
                dPreN.mul(rv).intoArray(dPreH, pi + 2 * H + u);
                dhv.mul(zv).intoArray(dhDirect, d + u);
            }
            for (; u < H; u++) {
                float rv = r[c + u];
                float zv = z[c + u];
                float nv = n[c + u];
                float dhv = dh[d + u];
                float dPreN = dhv * (1f - zv) * (1f - nv * nv);
                float dPreZ = dhv * (h[c + u] - nv) * zv * (1f - zv);
                float dPreR = dPreN * hn[c + u] * rv * (1f - rv);
                dPreX[xi + u] = dPreR;
                dPreX[xi + H + u] = dPreZ;
                dPreX[xi + 2 * H + u] = dPreN;
                dPreH[pi + u] = dPreR;
                dPreH[pi + H + u] = dPreZ;
                dPreH[pi + 2 * H + u] = dPreN * rv;
                dhDirect[d + u] = dhv * zv;
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
