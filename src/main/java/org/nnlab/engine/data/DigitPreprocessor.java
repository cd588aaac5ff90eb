package org.nnlab.engine.data;

/**
 * Turns a drawing of any size into a 28×28 image prepared as MNIST's digits were: the ink's bounding box
 * is cut out, scaled (area averaging, so edges stay anti-aliased) until its longer side is 20 px with
 * the aspect ratio kept, and pasted into a blank 28×28 image so that its centre of mass falls on
 * pixel (14, 14), to the nearest whole pixel. When that would push ink over the edge the digit is
 * moved just enough to stay whole. Input and output are ink = 1, background = 0.
 */
public final class DigitPreprocessor {
    public static final int SIZE = 28;
    public static final int BOX = 20;

    private final float threshold;

    /** Pixels at or below 0.05 do not count as ink for the bounding box. */
    public DigitPreprocessor() {
        this(0.05f);
    }

    public DigitPreprocessor(float inkThreshold) {
        if (!(inkThreshold >= 0 && inkThreshold < 1)) {
            throw new IllegalArgumentException("ink threshold must be in [0, 1), got " + inkThreshold);
        }
        this.threshold = inkThreshold;
    }

    public DigitStages process(GrayImage drawing) {
        int[] box = drawing.boundingBox(threshold);
        if (box == null) {
            return new DigitStages(drawing, true, 0, 0, 0, 0, GrayImage.blank(0, 0), GrayImage.blank(0, 0),
                    0, 0, GrayImage.blank(SIZE, SIZE));
        }
        GrayImage cropped = drawing.crop(box[0], box[1], box[2], box[3]);
        double f = (double) BOX / Math.max(box[2], box[3]);
        int w = Math.clamp(Math.round(box[2] * f), 1, BOX);
        int h = Math.clamp(Math.round(box[3] * f), 1, BOX);
        GrayImage scaled = resizeAreaAverage(cropped, w, h);
        double[] com = scaled.centreOfMass();
        int ox = Math.clamp(Math.round(SIZE / 2.0 - com[0]), 0, SIZE - w);
        int oy = Math.clamp(Math.round(SIZE / 2.0 - com[1]), 0, SIZE - h);
        GrayImage centred = GrayImage.blank(SIZE, SIZE);
        for (int y = 0; y < h; y++) {
            System.arraycopy(scaled.pixels(), y * w, centred.pixels(), (oy + y) * SIZE + ox, w);
        }
        return new DigitStages(drawing, false, box[0], box[1], box[2], box[3], cropped, scaled, ox, oy, centred);
    }

    /**
     * Resizes by area averaging: each output pixel is the mean of the input area it covers, counting
     * partly covered input pixels by the covered fraction. Works for shrinking and enlarging.
     */
    public static GrayImage resizeAreaAverage(GrayImage src, int width, int height) {
        float[] out = new float[width * height];
        double sx = (double) src.width() / width;
        double sy = (double) src.height() / height;
        for (int y = 0; y < height; y++) {
            double y0 = y * sy;
            double y1 = y0 + sy;
            for (int x = 0; x < width; x++) {
                double x0 = x * sx;
                double x1 = x0 + sx;
                double sum = 0;
                for (int iy = (int) y0; iy < Math.min(Math.ceil(y1), src.height()); iy++) {
                    double wy = Math.min(y1, iy + 1) - Math.max(y0, iy);
                    if (wy <= 0) {
                        continue;
                    }
                    for (int ix = (int) x0; ix < Math.min(Math.ceil(x1), src.width()); ix++) {
                        double wx = Math.min(x1, ix + 1) - Math.max(x0, ix);
                        if (wx > 0) {
                            sum += wx * wy * src.pixels()[iy * src.width() + ix];
                        }
                    }
                }
                out[y * width + x] = (float) (sum / (sx * sy));
            }
        }
        return new GrayImage(width, height, out);
    }
}
