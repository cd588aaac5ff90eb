package org.nnlab.engine.layer;

/** Reuse of per-step scratch arrays: a layer keeps its last one and gets a new one only when it is too small. */
final class Buffers {
    private Buffers() {
    }

    /** {@code previous} if it holds at least {@code size} values, else a new array. */
    static float[] atLeast(float[] previous, int size) {
        return previous != null && previous.length >= size ? previous : new float[size];
    }
}
