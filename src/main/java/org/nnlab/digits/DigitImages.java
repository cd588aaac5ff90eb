package org.nnlab.digits;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.nnlab.engine.data.GrayImage;

/**
 * Reads pictures of digits (PNG, or any format {@code javax.imageio} knows) of any size into
 * {@link GrayImage}s with ink = 1. Dark ink on light paper and light ink on a dark background are both
 * recognised (the background is what most pixels look like); transparent pixels count as background.
 * Values are stretched so the background becomes 0 and the strongest ink 1. A picture larger than a
 * digit needs can be read subsampled ({@link #read(byte[], int)}), so it never exists at full size.
 */
final class DigitImages {
    private static final String NOT_AN_IMAGE = "not an image this program can read (expected PNG, JPEG, GIF or BMP)";

    private DigitImages() {
    }

    public static GrayImage read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes));
    }

    public static GrayImage read(InputStream in) throws IOException {
        BufferedImage img = ImageIO.read(in);
        if (img == null) {
            throw new IOException(NOT_AN_IMAGE);
        }
        return fromImage(img);
    }

    /**
     * Reads {@code bytes} decoding only every n-th pixel of every n-th row, with the smallest n that
     * keeps both sides within {@code maxSide}; the decoder holds only the subsampled picture and a few
     * rows. A picture within {@code maxSide} is read whole, exactly as {@link #read(byte[])} reads it.
     */
    public static GrayImage read(byte[] bytes, int maxSide) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int step = subsampling(reader.getWidth(0), reader.getHeight(0), maxSide);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return fromImage(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The smallest step n ≥ 1 with ceil(side / n) ≤ maxSide for both sides. */
    static int subsampling(int width, int height, int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be at least 1, got " + maxSide);
        }
        int longest = Math.max(width, height);
        return Math.max(1, (longest + maxSide - 1) / maxSide);
    }

    public static GrayImage fromImage(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] lum = new float[w * h];
        float[] alpha = new float[w * h];
        double opaqueLum = 0;
        double opaqueCount = 0;
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            alpha[i] = ((p >>> 24) & 0xff) / 255f;
            lum[i] = (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
            opaqueLum += alpha[i] * lum[i];
            opaqueCount += alpha[i];
        }
        // Transparent areas become the opposite of what the visible strokes look like, i.e. background.
        float behind = opaqueCount > 0 && opaqueLum / opaqueCount < 0.5 ? 1f : 0f;
        boolean allOpaque = opaqueCount == argb.length;
        for (int i = 0; i < lum.length; i++) {
            lum[i] = alpha[i] * lum[i] + (1 - alpha[i]) * behind;
        }
        float background = allOpaque ? median(lum) : behind;
        boolean darkInk = background >= 0.5f;
        float[] ink = new float[lum.length];
        float bgInk = darkInk ? 1 - background : background;
        float top = bgInk;
        for (int i = 0; i < lum.length; i++) {
            ink[i] = darkInk ? 1 - lum[i] : lum[i];
            top = Math.max(top, ink[i]);
        }
        float range = top - bgInk;
        for (int i = 0; i < ink.length; i++) {
            ink[i] = range < 1e-3f ? 0f : Math.clamp((ink[i] - bgInk) / range, 0f, 1f);
        }
        return new GrayImage(w, h, ink);
    }

    private static float median(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
