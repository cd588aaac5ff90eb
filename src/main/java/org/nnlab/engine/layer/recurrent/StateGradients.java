package org.nnlab.engine.layer.recurrent;

/**
 * What reaches a state h_t in backpropagation through time before its step is taken back: the gradient
 * carried from step t + 1 (already in {@code dh}), plus the output gradient of step t when every step is
 * returned, or of the last step alone; then clipped to [−clip, clip] when clipping is set, and its squared
 * norm added to the step's entry when gradient norms are recorded. Rows [b0, b1) of dh [batch, hidden].
 */
final class StateGradients {
    private StateGradients() {
    }

    /**
     * Adds step {@code st}'s (input step {@code tau}) share of the output gradient {@code g} into dh,
     * clips it and records its norm; {@code norms} is null when not recording, {@code clip} 0 when off.
     */
    static void arrive(float[] dh, float[] g, int b0, int b1, int st, int tau, int steps, int hidden,
                       boolean returnSequences, float clip, double[] norms) {
        if (returnSequences) {
            for (int bi = b0; bi < b1; bi++) {
                int go = (bi * steps + tau) * hidden;
                int d = bi * hidden;
                for (int u = 0; u < hidden; u++) {
                    dh[d + u] += g[go + u];
                }
            }
        } else if (st == steps - 1) {
            System.arraycopy(g, b0 * hidden, dh, b0 * hidden, (b1 - b0) * hidden);
        }
        if (clip > 0f) {
            for (int i = b0 * hidden; i < b1 * hidden; i++) {
                dh[i] = Math.max(-clip, Math.min(clip, dh[i]));
            }
        }
        if (norms != null) {
            double sum = 0;
            for (int i = b0 * hidden; i < b1 * hidden; i++) {
                sum += (double) dh[i] * dh[i];
            }
            synchronized (norms) {
                norms[tau] += sum;
            }
        }
    }
}
