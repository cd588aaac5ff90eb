package org.nnlab.digits;

import java.util.Base64;
import org.nnlab.engine.data.GrayImage;

/**
 * The drawing pad's wire format: a square grayscale image of {@value #SIDE}² pixels, one byte each
 * (0 = paper, 255 = ink), row-major, in base64 (about 17 kB a message).
 */
public final class PadImages {
    public static final int SIDE = 112;

    private PadImages() {
    }

    /** Decodes a pad message; throws {@link IllegalArgumentException} for anything but {@value #SIDE}² bytes. */
    public static GrayImage decode(String base64) {
        if (base64 == null) {
            throw new IllegalArgumentException("the pad sent no image");
        }
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != SIDE * SIDE) {
            throw new IllegalArgumentException("the pad's image must have " + SIDE * SIDE + " bytes (" + SIDE + "×"
                    + SIDE + "), got " + bytes.length);
        }
        float[] pixels = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            pixels[i] = (bytes[i] & 0xff) / 255f;
        }
        return new GrayImage(SIDE, SIDE, pixels);
    }

    /** The inverse of {@link #decode}: a {@value #SIDE}² image as the pad would send it. */
    public static String encode(GrayImage image) {
        if (image.width() != SIDE || image.height() != SIDE) {
            throw new IllegalArgumentException("the pad's images are " + SIDE + "×" + SIDE + ", got "
                    + image.width() + "×" + image.height());
        }
        byte[] bytes = new byte[image.pixels().length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Math.round(Math.clamp(image.pixels()[i], 0f, 1f) * 255f);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
