package org.nnlab.engine.reference;

import java.util.List;
import java.util.Map;

/** Reading the fields of a reference case, with messages that name the missing or malformed field. */
final class CaseFields {
    private CaseFields() {
    }

    static Object field(Map<String, Object> map, String name) {
        Object value = map.get(name);
        if (value == null) {
            throw new IllegalArgumentException("case has no field \"" + name + "\"");
        }
        return value;
    }

    static NestedArray array(Map<String, Object> map, String name) {
        try {
            return NestedArray.of(field(map, name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field \"" + name + "\": " + e.getMessage());
        }
    }

    static double number(Map<String, Object> map, String name) {
        if (field(map, name) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("field \"" + name + "\" must be a number");
    }

    static double number(Map<String, Object> map, String name, double fallback) {
        return map.containsKey(name) ? number(map, name) : fallback;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> map, String name) {
        if (field(map, name) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("field \"" + name + "\" must be an object");
    }

    static int[] ints(Map<String, Object> map, String name) {
        if (!(field(map, name) instanceof List<?> list)) {
            throw new IllegalArgumentException("field \"" + name + "\" must be a list of whole numbers");
        }
        return list.stream().mapToInt(v -> (int) ((Number) v).doubleValue()).toArray();
    }

    /** A [rows, cols] array transposed to [cols, rows], as doubles. */
    static double[] transpose(NestedArray a) {
        int rows = a.shape().dim(0);
        int cols = a.shape().dim(1);
        double[] t = new double[a.values().length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a.values()[r * cols + c];
            }
        }
        return t;
    }

    /** A [rows, cols] float array transposed to [cols, rows]. */
    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }
}
