package org.nnlab.engine.layer.recurrent;

/**
 * Moving rows between the two layouts of a recurrent layer: batch-major in input order
 * {@code [batch, steps, width]} (the layer's input and output) and time-major in processing order
 * {@code [steps, batch, width]} (states and gradients inside the time loop; a reversed layer processes
 * input step {@code steps − 1 − st} at its step st). Also the small whole-array helpers of the backward pass.
 */
final class TimeOrder {
    private TimeOrder() {
    }

    /**
     * Rows of samples [b0, b1) from {@code src} [batch, steps, width] into {@code dst} [steps, batch,
     * width + 1], each followed by a 1: a product with these rows on one side gives, in its last row, the
     * plain sum of the other side's rows.
     */
    static void toProcessingRows(float[] src, float[] dst, int b0, int b1, int T, int B, int width, boolean reverse) {
        for (int st = 0; st < T; st++) {
            int tau = reverse ? T - 1 - st : st;
            for (int b = b0; b < b1; b++) {
                int d = (st * B + b) * (width + 1);
                System.arraycopy(src, (b * T + tau) * width, dst, d, width);
                dst[d + width] = 1f;
            }
        }
    }

    /** Blocks {@code first … first + T − 1} of {@code src} [·, batch, width] into {@code dst} [batch, steps, width]. */
    static void toInputOrder(float[] src, int first, float[] dst, int T, int B, int width, boolean reverse) {
        for (int st = 0; st < T; st++) {
            int tau = reverse ? T - 1 - st : st;
            for (int b = 0; b < B; b++) {
                System.arraycopy(src, ((st + first) * B + b) * width, dst, (b * T + tau) * width, width);
            }
        }
    }

    /** {@code dst[0 … n) += src[from …]}. */
    static void addTo(float[] src, int from, float[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] += src[from + i];
        }
    }

    /** {@code sums[j] += Σ_r src[r, j]} over {@code rows} rows of {@code cols} values. */
    static void addColumnSums(float[] src, int rows, int cols, float[] sums) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] += src[o + j];
            }
        }
    }
}
