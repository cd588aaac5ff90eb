package org.nnlab.engine.data.toy;

/**
 * A value computed from a toy point's two coordinates, given to the network as one input: the
 * coordinates themselves, their squares, their product or their sines. Hand-made features let a small
 * network draw curved boundaries (x1² + x2² separates the circle with no hidden layer at all).
 */
public enum ToyFeature {
    X1("x1"), X2("x2"), X1_SQUARED("x1sq"), X2_SQUARED("x2sq"), X1_TIMES_X2("x1x2"), SIN_X1("sinx1"), SIN_X2("sinx2");

    private final String key;

    ToyFeature(String key) {
        this.key = key;
    }

    /** A short name for links and settings, e.g. {@code x1sq}. */
    public String key() {
        return key;
    }

    public double of(double x1, double x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1_SQUARED -> x1 * x1;
            case X2_SQUARED -> x2 * x2;
            case X1_TIMES_X2 -> x1 * x2;
            case SIN_X1 -> Math.sin(x1);
            case SIN_X2 -> Math.sin(x2);
        };
    }

    /** The feature with this {@link #key()}; throws for an unknown key. */
    public static ToyFeature ofKey(String key) {
        for (ToyFeature f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown input feature '" + key + "'; known: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2");
    }

    /**
     * A {@code [points.size(), features.length]} row-major array: each point's feature values in the order given.
     */
    public static float[] matrix(java.util.List<ToyPoint> points, java.util.List<ToyFeature> features) {
        int f = features.size();
        float[] out = new float[points.size() * f];
        for (int i = 0; i < points.size(); i++) {
            ToyPoint p = points.get(i);
            for (int j = 0; j < f; j++) {
                out[i * f + j] = (float) features.get(j).of(p.x1(), p.x2());
            }
        }
        return out;
    }
}
