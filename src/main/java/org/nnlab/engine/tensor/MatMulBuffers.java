package org.nnlab.engine.tensor;

import static org.nnlab.engine.tensor.BlockedKernel.KC;
import static org.nnlab.engine.tensor.BlockedKernel.MC;
import static org.nnlab.engine.tensor.BlockedKernel.MR;
import static org.nnlab.engine.tensor.BlockedKernel.NR;

/** Packing space, a scratch tile and room for partial products, one set per thread, grown as needed and reused. */
final class MatMulBuffers {
    private static final ThreadLocal<MatMulBuffers> BUFFERS = ThreadLocal.withInitial(MatMulBuffers::new);

    /** The calling thread's buffers. */
    static MatMulBuffers get() {
        return BUFFERS.get();
    }

    final float[] tile = new float[MR * NR];
    private float[] a = new float[0];
    private float[] b = new float[0];
    private float[] partial = new float[0];

    float[] packA(int kc, int mc) {
        int need = kc * ((mc + MR - 1) / MR) * MR;
        if (a.length < need) {
            a = new float[Math.max(need, KC * MC)];
        }
        return a;
    }

    float[] packB(int kc, int nc) {
        int need = kc * ((nc + NR - 1) / NR) * NR;
        if (b.length < need) {
            b = new float[need];
        }
        return b;
    }

    float[] partial(int size) {
        if (partial.length < size) {
            partial = new float[size];
        }
        return partial;
    }
}
