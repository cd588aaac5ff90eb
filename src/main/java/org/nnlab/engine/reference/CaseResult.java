package org.nnlab.engine.reference;

/**
 * The outcome of one reference case: the largest error over all compared values, and which value it
 * was in. The error is absolute for expected magnitudes up to 1 and relative above
 * ({@code |ours − theirs| / max(1, |theirs|)}), compared with {@link #TOLERANCE}.
 */
record CaseResult(double maxError, String worstField, int comparedValues) {
    public static final double TOLERANCE = 1e-4;

    public boolean passed() {
        return maxError <= TOLERANCE;
    }

    /** Accumulates comparisons field by field. */
    public static final class Builder {
        private double maxError;
        private String worstField = "-";
        private int compared;

        public Builder compare(String field, double[] expected, float[] actual) {
            if (expected.length != actual.length) {
                throw new IllegalArgumentException(field + ": expected " + expected.length
                        + " values, the engine produced " + actual.length);
            }
            for (int i = 0; i < expected.length; i++) {
                compare(field, expected[i], actual[i]);
            }
            return this;
        }

        public Builder compare(String field, double expected, double actual) {
            double err = Math.abs(actual - expected) / Math.max(1.0, Math.abs(expected));
            if (Double.isNaN(err)) {
                err = Double.POSITIVE_INFINITY;
            }
            if (err >= maxError) {
                maxError = err;
                worstField = field;
            }
            compared++;
            return this;
        }

        public CaseResult build() {
            return new CaseResult(maxError, worstField, compared);
        }
    }
}
