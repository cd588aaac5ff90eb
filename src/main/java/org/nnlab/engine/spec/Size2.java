package org.nnlab.engine.spec;

/** A height and a width, e.g. a kernel of 5 × 3 is {@code new Size2(5, 3)}. Components never negative. */
public record Size2(int h, int w) {
    public Size2 {
        if (h < 0 || w < 0) {
            throw new SpecException("engine.spec.size.negative", h, w);
        }
    }

    /** The same value for height and width. */
    public static Size2 of(int both) {
        return new Size2(both, both);
    }

    public static Size2 of(int h, int w) {
        return new Size2(h, w);
    }

    boolean isPositive() {
        return h > 0 && w > 0;
    }

    @Override
    public String toString() {
        return h + "×" + w;
    }
}
