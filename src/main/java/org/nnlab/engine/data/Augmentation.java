package org.nnlab.engine.data;

import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Tensor;

/**
 * Random distortions of training digits, drawn afresh for every image of every batch so that a network
 * sees handwriting a little unlike MNIST's: a shift of up to {@code maxShift} pixels per axis, a
 * rotation of up to ±{@code maxRotationDegrees}, a scaling by a factor in
 * [1 − {@code maxScaleChange}, 1 + {@code maxScaleChange}] (all three as one affine map about the image
 * centre, sampled bilinearly), then with probability {@code strokeChangeProbability} a thicker or
 * thinner stroke (a grayscale dilation or erosion over the 4-neighbourhood, blended in by a random
 * amount). Images are square or rectangular, ink = 1; the same seed gives the same distortions.
 */
public record Augmentation(double maxShift, double maxRotationDegrees, double maxScaleChange,
                           double strokeChangeProbability) {
    /** Rough floating-point work per output pixel (bilinear sample and stroke change), to decide on threads. */
    private static final long FLOPS_PER_PIXEL = 40;

    public Augmentation {
        if (maxShift < 0 || maxRotationDegrees < 0 || maxScaleChange < 0 || maxScaleChange >= 1
                || strokeChangeProbability < 0 || strokeChangeProbability > 1) {
            throw new IllegalArgumentException("augmentation settings out of range: shift " + maxShift
                    + ", rotation " + maxRotationDegrees + ", scale change " + maxScaleChange
                    + " (must be < 1), stroke change probability " + strokeChangeProbability);
        }
    }

    /** Shifts up to 2 px, rotations up to 12°, scaling ±12 %, stroke width changed for half the images. */
    public static Augmentation standard() {
        return new Augmentation(2, 12, 0.12, 0.5);
    }

    /**
     * Distorts {@code count} images of {@code rows×cols} from {@code src} into {@code dst} (which may not be src).
     * The random draws are made first, image after image, on the calling thread; the pixel work is then
     * shared among the engine's threads, so the result does not depend on how many there are.
     */
    public void apply(float[] src, float[] dst, int count, int rows, int cols, RandomGenerator rng) {
        new Work(this).apply(src, dst, count, rows, cols, rng);
    }

    /**
     * A batch transform for {@code Trainer.withBatchTransform}: distorts the images of each batch in place
     * (inputs {@code [n, 1, rows, cols]} or {@code [n, rows, cols]}), drawing from {@code rng}. Its copy of
     * the batch, the draws and the threads' scratch images are kept from batch to batch.
     */
    public UnaryOperator<Batch> asBatchTransform(RandomGenerator rng) {
        Work work = new Work(this);
        return batch -> {
            Tensor x = batch.inputs();
            int rows = x.shape().dim(-2);
            int cols = x.shape().dim(-1);
            float[] copy = work.source(x.size());
            System.arraycopy(x.data(), 0, copy, 0, x.size());
            work.apply(copy, x.data(), x.size() / (rows * cols), rows, cols, rng);
            return batch;
        };
    }

    /** One image's distortion: the affine map, then optionally a stroke change blended in by {@code amount}. */
    private static final class Draw {
        double dx;
        double dy;
        double angle;
        double scale;
        boolean strokeChange;
        boolean dilate;
        double amount;
    }

    /** Draws one image's distortion, in the order the generator has always been used (seeded runs stay the same). */
    private void draw(RandomGenerator rng, Draw d) {
        d.dx = uniform(rng, maxShift);
        d.dy = uniform(rng, maxShift);
        d.angle = Math.toRadians(uniform(rng, maxRotationDegrees));
        d.scale = 1 + uniform(rng, maxScaleChange);
        d.strokeChange = rng.nextDouble() < strokeChangeProbability;
        d.amount = d.strokeChange ? 0.4 + 0.6 * rng.nextDouble() : 0;
        d.dilate = d.strokeChange && rng.nextBoolean();
    }

    /** One batch's distortions and the storage they reuse; each task distorts one share of the images. */
    private static final class Work implements IntConsumer {
        private final Augmentation settings;
        private Draw[] draws = new Draw[0];
        private float[] source = new float[0];
        private float[] scratch = new float[0];
        private float[] src;
        private float[] dst;
        private int count;
        private int rows;
        private int cols;
        private int tasks;

        Work(Augmentation settings) {
            this.settings = settings;
        }

        float[] source(int size) {
            if (source.length < size) {
                source = new float[size];
            }
            return source;
        }

        void apply(float[] from, float[] to, int images, int height, int width, RandomGenerator rng) {
            if (draws.length < images) {
                Draw[] grown = java.util.Arrays.copyOf(draws, images);
                for (int i = draws.length; i < images; i++) {
                    grown[i] = new Draw();
                }
                draws = grown;
            }
            for (int i = 0; i < images; i++) {
                settings.draw(rng, draws[i]);
            }
            int n = height * width;
            tasks = Math.min(images, Parallelism.threadsFor((long) images * n * FLOPS_PER_PIXEL));
            if (scratch.length < tasks * n) {
                scratch = new float[tasks * n];
            }
            src = from;
            dst = to;
            count = images;
            rows = height;
            cols = width;
            try {
                Parallelism.forEach(tasks, tasks, this);
            } finally {
                src = null;
                dst = null;
            }
        }

        @Override
        public void accept(int t) {
            int n = rows * cols;
            for (int i = t * count / tasks, end = (t + 1) * count / tasks; i < end; i++) {
                applyOne(draws[i], src, i * n, dst, i * n, rows, cols, scratch, t * n);
            }
        }
    }

    private static void applyOne(Draw d, float[] src, int srcOff, float[] dst, int dstOff, int rows, int cols,
                                 float[] tmp, int tmpOff) {
        affine(src, srcOff, tmp, tmpOff, rows, cols, d.angle, d.scale, d.dx, d.dy);
        if (d.strokeChange) {
            morph(tmp, tmpOff, dst, dstOff, rows, cols, d.dilate, d.amount);
        } else {
            System.arraycopy(tmp, tmpOff, dst, dstOff, rows * cols);
        }
    }

    private static double uniform(RandomGenerator rng, double max) {
        return max == 0 ? 0 : (2 * rng.nextDouble() - 1) * max;
    }

    /** The image moved by (dx, dy) pixels: content at (x, y) ends at (x + dx, y + dy). */
    public static GrayImage shift(GrayImage img, double dx, double dy) {
        return transformed(img, 0, 1, dx, dy);
    }

    /** The image turned by {@code degrees} about its centre (positive: clockwise on screen, y down). */
    public static GrayImage rotate(GrayImage img, double degrees) {
        return transformed(img, Math.toRadians(degrees), 1, 0, 0);
    }

    /** The image enlarged ({@code factor} &gt; 1) or shrunk about its centre. */
    public static GrayImage scale(GrayImage img, double factor) {
        return transformed(img, 0, factor, 0, 0);
    }

    /** Thicker strokes: each pixel becomes the largest of itself and its four neighbours. */
    public static GrayImage dilate(GrayImage img) {
        GrayImage out = GrayImage.blank(img.width(), img.height());
        morph(img.pixels(), 0, out.pixels(), 0, img.height(), img.width(), true, 1);
        return out;
    }

    /** Thinner strokes: each pixel becomes the smallest of itself and its four neighbours. */
    public static GrayImage erode(GrayImage img) {
        GrayImage out = GrayImage.blank(img.width(), img.height());
        morph(img.pixels(), 0, out.pixels(), 0, img.height(), img.width(), false, 1);
        return out;
    }

    private static GrayImage transformed(GrayImage img, double angle, double scale, double dx, double dy) {
        GrayImage out = GrayImage.blank(img.width(), img.height());
        affine(img.pixels(), 0, out.pixels(), 0, img.height(), img.width(), angle, scale, dx, dy);
        return out;
    }

    /**
     * dst = src rotated by {@code angle}, scaled by {@code scale} about the centre, then moved by (dx, dy).
     * Each output pixel samples the input at the inverse-mapped point, bilinearly; outside is 0.
     */
    private static void affine(float[] src, int srcOff, float[] dst, int dstOff, int rows, int cols,
                               double angle, double scale, double dx, double dy) {
        double cx = (cols - 1) / 2.0;
        double cy = (rows - 1) / 2.0;
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        for (int y = 0; y < rows; y++) {
            double ry = y - dy - cy;
            for (int x = 0; x < cols; x++) {
                double rx = x - dx - cx;
                double sx = cos * rx + sin * ry + cx;
                double sy = -sin * rx + cos * ry + cy;
                dst[dstOff + y * cols + x] = bilinear(src, srcOff, rows, cols, sx, sy);
            }
        }
    }

    private static float bilinear(float[] src, int off, int rows, int cols, double x, double y) {
        if (x <= -1 || y <= -1 || x >= cols || y >= rows) {
            return 0f;
        }
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double v00 = at(src, off, rows, cols, x0, y0);
        double v10 = at(src, off, rows, cols, x0 + 1, y0);
        double v01 = at(src, off, rows, cols, x0, y0 + 1);
        double v11 = at(src, off, rows, cols, x0 + 1, y0 + 1);
        return (float) ((v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy);
    }

    private static float at(float[] src, int off, int rows, int cols, int x, int y) {
        return x < 0 || y < 0 || x >= cols || y >= rows ? 0f : src[off + y * cols + x];
    }

    /** Grayscale dilation (max) or erosion (min) over the pixel and its 4 neighbours, blended by amount. */
    private static void morph(float[] src, int srcOff, float[] dst, int dstOff, int rows, int cols,
                              boolean dilate, double amount) {
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                float v = src[srcOff + y * cols + x];
                float m = v;
                m = pick(m, at(src, srcOff, rows, cols, x - 1, y), dilate);
                m = pick(m, at(src, srcOff, rows, cols, x + 1, y), dilate);
                m = pick(m, at(src, srcOff, rows, cols, x, y - 1), dilate);
                m = pick(m, at(src, srcOff, rows, cols, x, y + 1), dilate);
                dst[dstOff + y * cols + x] = (float) (v + amount * (m - v));
            }
        }
    }

    private static float pick(float a, float b, boolean max) {
        return max ? Math.max(a, b) : Math.min(a, b);
    }
}
