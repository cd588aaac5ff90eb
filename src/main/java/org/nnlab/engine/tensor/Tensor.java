package org.nnlab.engine.tensor;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A dense float32 array with a shape, stored row-major (last dimension fastest). Batch-first: a
 * batch of inputs is {@code [batch, ...sample shape]}. The data array is exposed on purpose: kernels
 * work on it directly, without per-element calls.
 */
public final class Tensor {
    private final Shape shape;
    private final float[] data;
    /** A buffer of another shape made to stand in for this one (see {@link #alternate()}), or null. */
    private Tensor alternate;

    public Tensor(Shape shape, float[] data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException(
                    "shape " + shape + " needs " + shape.size() + " values, got " + data.length);
        }
        this.shape = shape;
        this.data = data;
    }

    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new float[shape.size()]);
    }

    public static Tensor zeros(int... dims) {
        return zeros(Shape.of(dims));
    }

    public static Tensor of(Shape shape, float... values) {
        return new Tensor(shape, values.clone());
    }

    public static Tensor filled(Shape shape, float value) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    /** Values drawn from N(mean, std²). */
    public static Tensor normal(Shape shape, double mean, double std, RandomGenerator rng) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = (float) (mean + std * rng.nextGaussian());
        }
        return t;
    }

    /** Values drawn uniformly from [low, high). */
    public static Tensor uniform(Shape shape, double low, double high, RandomGenerator rng) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = (float) (low + (high - low) * rng.nextDouble());
        }
        return t;
    }

    public Shape shape() {
        return shape;
    }

    public float[] data() {
        return data;
    }

    public int size() {
        return data.length;
    }

    public float get(int index) {
        return data[index];
    }

    public void set(int index, float value) {
        data[index] = value;
    }

    /** The same data seen with another shape of the same size (no copy). */
    public Tensor reshape(Shape newShape) {
        return new Tensor(newShape, data);
    }

    /**
     * For a buffer reused from call to call whose shape sometimes changes (a training epoch's shorter last
     * batch): the tensor of the other shape that was paired with this one, or null. The pairing lets a
     * layer go back and forth between two batch sizes without making new buffers.
     */
    public Tensor alternate() {
        return alternate;
    }

    /** Pairs this tensor and {@code other} as each other's {@link #alternate()} (any earlier pairing is dropped). */
    public void pairWith(Tensor other) {
        this.alternate = other;
        other.alternate = this;
    }

    public Tensor copy() {
        return new Tensor(shape, data.clone());
    }

    public void fill(float value) {
        Arrays.fill(data, value);
    }

    public void copyFrom(Tensor other) {
        requireSameSize(other);
        System.arraycopy(other.data, 0, data, 0, data.length);
    }

    /** this += other, element by element. */
    public Tensor addInPlace(Tensor other) {
        requireSameSize(other);
        float[] o = other.data;
        for (int i = 0; i < data.length; i++) {
            data[i] += o[i];
        }
        return this;
    }

    public Tensor scaleInPlace(float factor) {
        for (int i = 0; i < data.length; i++) {
            data[i] *= factor;
        }
        return this;
    }

    /** Sum of squares of all elements, accumulated in double. */
    public double sumOfSquares() {
        double s = 0;
        for (float v : data) {
            s += (double) v * v;
        }
        return s;
    }

    public boolean allFinite() {
        for (float v : data) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the largest value in row {@code row} of a {@code [rows, cols]} view of this tensor. */
    public int argmaxRow(int row) {
        int cols = shape.dim(-1);
        int best = 0;
        int base = row * cols;
        for (int j = 1; j < cols; j++) {
            if (data[base + j] > data[base + best]) {
                best = j;
            }
        }
        return best;
    }

    private void requireSameSize(Tensor other) {
        if (other.data.length != data.length) {
            throw new IllegalArgumentException("tensor sizes differ: " + shape + " and " + other.shape);
        }
    }

    @Override
    public String toString() {
        int shown = Math.min(data.length, 8);
        StringBuilder sb = new StringBuilder("Tensor").append(shape).append(' ').append('[');
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return sb.append(data.length > shown ? ", …]" : "]").toString();
    }
}
