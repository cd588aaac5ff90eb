package org.nnlab.engine.tensor;

import java.util.Arrays;

/**
 * The dimensions of a tensor, outermost first. Layer shapes are per sample (no batch dimension):
 * an MNIST image is {@code [1, 28, 28]} ({@code [channels, height, width]}), a dense layer's output
 * {@code [units]}. A batch of them is a tensor of shape {@code [batch, ...]}.
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("a dimension cannot be negative: " + Arrays.toString(dims));
            }
        }
        this.dims = dims;
    }

    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis < 0 ? dims.length + axis : axis];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements: the product of the dimensions (1 for a scalar). */
    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + this + " has more than 2^31 elements");
        }
        return (int) n;
    }

    public Shape withLastDim(int last) {
        int[] d = dims.clone();
        d[d.length - 1] = last;
        return new Shape(d);
    }

    /** This shape with a batch dimension in front: {@code [batch, ...this]}. */
    public Shape withBatch(int batch) {
        int[] d = new int[dims.length + 1];
        d[0] = batch;
        System.arraycopy(dims, 0, d, 1, dims.length);
        return new Shape(d);
    }

    /** True when {@code batched} is this shape with one dimension in front, {@code [n, ...this]} (nothing is copied). */
    public boolean isSampleOf(Shape batched) {
        return batched.dims.length == dims.length + 1
                && Arrays.equals(batched.dims, 1, batched.dims.length, dims, 0, dims.length);
    }

    /** True when this shape is {@code [batch, ...sample]} (nothing is copied). */
    public boolean isBatchOf(int batch, Shape sample) {
        return dims.length > 0 && dims[0] == batch && sample.isSampleOf(this);
    }

    /** This shape without its first dimension. */
    public Shape dropFirst() {
        return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code [1, 28, 28]}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
