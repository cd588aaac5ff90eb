package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GrayPngTest {
    @Test
    void writesAPngThatDecodesToTheScaledValues() throws Exception {
        int w = 5;
        int h = 3;
        float[] values = new float[2 + w * h];
        for (int i = 0; i < w * h; i++) {
            values[2 + i] = i - 4; // -4 .. 10
        }
        byte[] png = GrayPng.encode(values, 2, w, h, 0, 10);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = values[2 + y * w + x];
                int expected = Math.round(Math.clamp(v, 0, 10) * 25.5f);
                assertEquals(expected, img.getRaster().getSample(x, y, 0), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void dataUrlCarriesTheSamePng() {
        float[] values = {0, 0.5f, 1, 0.25f};
        String url = GrayPng.dataUrl(values, 0, 2, 2, 0, 1);
        assertTrue(url.startsWith("data:image/png;base64,"));
        byte[] decoded = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        assertEquals(java.util.Arrays.toString(GrayPng.encode(values, 0, 2, 2, 0, 1)), java.util.Arrays.toString(decoded));
    }
}
