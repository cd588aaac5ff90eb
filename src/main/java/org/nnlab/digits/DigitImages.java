package org.nnlab.digits;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.nnlab.engine.data.GrayImage;

/**
 * Reads pictures of digits (PNG, or any format {@code javax.imageio} knows) of any size into
 * {@link GrayImage}s with ink = 1. Dark ink on light paper and light ink on a dark background are both
 * recognised (the background is what most pixels look like); transparent pixels count as background.
 * Values are stretched so the background becomes 0 and the strongest ink 1.
 */
public final class DigitImages {
    private DigitImages() {
    }

    public static GrayImage read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes));
    }

    public static GrayImage read(InputStream in) throws IOException {
        BufferedImage img = ImageIO.read(in);
        if (img == null) {
            throw new IOException("not an image this program can read (expected PNG, JPEG, GIF or BMP)");
        }
        return fromImage(img);
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
