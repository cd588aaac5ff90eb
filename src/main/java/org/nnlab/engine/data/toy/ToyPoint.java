package org.nnlab.engine.data.toy;

/** One point of a two-dimensional toy data set: coordinates in about [−6, 6] and a class, 0 or 1. */
public record ToyPoint(double x1, double x2, int label) {
    public ToyPoint {
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("a toy point's class is 0 or 1, got " + label);
        }
        if (!Double.isFinite(x1) || !Double.isFinite(x2)) {
            throw new IllegalArgumentException("a toy point needs finite coordinates, got (" + x1 + ", " + x2 + ")");
        }
    }
}
