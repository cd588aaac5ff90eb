package org.nnlab.engine.reference;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/** A JSON number or nested list of numbers, flattened row-major, with its shape. */
public record NestedArray(Shape shape, double[] values) {

    public static NestedArray of(Object json) {
        List<Integer> dims = new ArrayList<>();
        Object probe = json;
        while (probe instanceof List<?> list) {
            dims.add(list.size());
            probe = list.isEmpty() ? null : list.getFirst();
        }
        int[] d = dims.stream().mapToInt(Integer::intValue).toArray();
        Shape shape = Shape.of(d);
        double[] values = new double[shape.size()];
        int[] next = {0};
        flatten(json, 0, d, values, next);
        return new NestedArray(shape, values);
    }

    private static void flatten(Object json, int depth, int[] dims, double[] out, int[] next) {
        if (depth == dims.length) {
            if (!(json instanceof Number n)) {
                throw new IllegalArgumentException("expected a number, found " + json);
            }
            out[next[0]++] = n.doubleValue();
            return;
        }
        if (!(json instanceof List<?> list) || list.size() != dims[depth]) {
            throw new IllegalArgumentException("ragged array: expected " + dims[depth] + " entries at depth " + depth);
        }
        for (Object item : list) {
            flatten(item, depth + 1, dims, out, next);
        }
    }

    public float[] floats() {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    public Tensor tensor() {
        return new Tensor(shape, floats());
    }
}
