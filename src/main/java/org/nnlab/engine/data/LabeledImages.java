package org.nnlab.engine.data;

import java.util.Arrays;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Grayscale images with one class label each, pixels as floats in [0, 1] (ink = 1), stored image after
 * image, row-major: image {@code i} occupies {@code pixels[i·rows·cols, (i+1)·rows·cols)}.
 */
public record LabeledImages(int rows, int cols, float[] pixels, int[] labels) {
    public LabeledImages {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + rows + "×" + cols);
        }
        if (pixels.length != (long) labels.length * rows * cols) {
            throw new IllegalArgumentException(labels.length + " labels need " + (long) labels.length * rows * cols
                    + " pixels of " + rows + "×" + cols + " images, got " + pixels.length);
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    public int imageSize() {
        return rows * cols;
    }

    /** A copy of image {@code index}'s pixels. */
    public float[] image(int index) {
        int n = imageSize();
        return Arrays.copyOfRange(pixels, index * n, (index + 1) * n);
    }

    /** The first {@code count} images (or all, when there are fewer). Copies. */
    public LabeledImages first(int count) {
        int k = Math.min(count, size());
        return new LabeledImages(rows, cols, Arrays.copyOf(pixels, k * imageSize()), Arrays.copyOf(labels, k));
    }

    /** All images as one tensor {@code [n, 1, rows, cols]} that shares this record's pixel array. */
    public Tensor inputs() {
        return new Tensor(Shape.of(size(), 1, rows, cols), pixels);
    }

    /** These images as the engine's data set: inputs {@code [n, 1, rows, cols]} (shared, not copied) and labels. */
    public Dataset toDataset() {
        return new Dataset(inputs(), labels);
    }

    /** How many images carry each label 0..maxLabel. */
    public int[] labelCounts() {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        int[] counts = new int[max + 1];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledImages other && rows == other.rows && cols == other.cols
                && Arrays.equals(pixels, other.pixels) && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "LabeledImages[" + size() + " images of " + rows + "×" + cols + "]";
    }
}
