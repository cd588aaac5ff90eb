package org.nnlab.engine.data;

import java.util.Arrays;

/**
 * A grayscale image as floats, row-major ({@code pixels[y·width + x]}), ink = 1 and background = 0.
 * Width or height may be 0 (an empty crop). The array is shared, not copied.
 */
public record GrayImage(int width, int height, float[] pixels) {
    public GrayImage {
        if (width < 0 || height < 0 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + (long) width * height
                    + " pixels, got " + pixels.length);
        }
    }

    public static GrayImage blank(int width, int height) {
        return new GrayImage(width, height, new float[width * height]);
    }

    public float get(int x, int y) {
        return pixels[y * width + x];
    }

    public void set(int x, int y, float value) {
        pixels[y * width + x] = value;
    }

    /** Sum of all pixel values (the "mass" of the ink). */
    public double mass() {
        double s = 0;
        for (float v : pixels) {
            s += v;
        }
        return s;
    }

    /**
     * Centre of mass {@code {x, y}} in pixel-index coordinates (pixel (x, y) counts at x, y); NaN for an
     * image without ink.
     */
    public double[] centreOfMass() {
        double m = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = pixels[y * width + x];
                m += v;
                sx += v * x;
                sy += v * y;
            }
        }
        return m > 0 ? new double[] {sx / m, sy / m} : new double[] {Double.NaN, Double.NaN};
    }

    /**
     * The smallest box holding every pixel above {@code threshold}, as {@code {x, y, width, height}};
     * null when no pixel is above it.
     */
    public int[] boundingBox(float threshold) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (pixels[y * width + x] > threshold) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    /** A copy of the rectangle at (x, y) of size w×h, which must lie inside this image. */
    public GrayImage crop(int x, int y, int w, int h) {
        float[] out = new float[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(pixels, (y + r) * width + x, out, r * w, w);
        }
        return new GrayImage(w, h, out);
    }

    public GrayImage copy() {
        return new GrayImage(width, height, pixels.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage g && g.width == width && g.height == height && Arrays.equals(g.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "×" + height + "]";
    }
}
