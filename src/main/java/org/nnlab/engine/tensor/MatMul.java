package org.nnlab.engine.tensor;

/**
 * The one float32 matrix multiply that dense, convolutional and recurrent layers all go through:
 * {@code C = op(A) · op(B)} (or {@code C += …} when accumulating), row-major, where op transposes
 * when asked. Shapes: op(A) is [m, k], op(B) is [k, n], C is [m, n]; A is stored [m, k] or, when
 * transposed, [k, m]; likewise B.
 */
public final class MatMul {
    private MatMul() {
    }

    public static void multiply(float[] a, boolean transA, float[] b, boolean transB, float[] c,
                                int m, int n, int k, boolean accumulate) {
        multiply(a, 0, transA, b, 0, transB, c, 0, m, n, k, accumulate);
    }

    public static void multiply(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
                                float[] c, int cOff, int m, int n, int k, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(c, cOff, cOff + m * n, 0f);
        }
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * n;
            for (int p = 0; p < k; p++) {
                float av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                if (av == 0f) {
                    continue;
                }
                if (transB) {
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += av * b[bOff + j * k + p];
                    }
                } else {
                    int bRow = bOff + p * n;
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += av * b[bRow + j];
                    }
                }
            }
        }
    }
}
