package org.nnlab.digits;

import org.nnlab.engine.tensor.Shape;

/**
 * What one layer of a digit network produced for one drawing, for "what the network sees": the
 * {@code number}-th layer of its {@code kind} (counting from 1), the activation applied right after
 * it ({@code null} when none), the per-sample {@code shape} ({@code [channels, h, w]} for feature
 * maps, {@code [units]} for a dense layer) and the values, row-major.
 */
public record LayerActivation(String kind, int number, String activation, Shape shape, float[] values) {
    public boolean isFeatureMaps() {
        return shape.rank() == 3;
    }

    /** The largest absolute value (0 for none), to scale a picture of this layer. */
    public float maxAbs() {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
