package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The IHDR is read from the bytes of real PNGs, and broken headers are refused with a reason. */
class PngHeaderTest {
    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void readsSizeDepthAndColourTypeOfWrittenPngs() throws IOException {
        PngHeader argb = PngHeader.read(png(new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB)));
        assertEquals(new PngHeader(30, 20, 8, 6, false), argb);
        assertEquals(30L * 20 * 4, argb.decodedBytes());

        PngHeader gray16 = PngHeader.read(png(new BufferedImage(7, 9, BufferedImage.TYPE_USHORT_GRAY)));
        assertEquals(16, gray16.bitDepth());
        assertEquals(0, gray16.colourType());
        assertEquals(7L * 9 * 2, gray16.decodedBytes());

        byte[] own = GrayPng.encode(new float[12], 0, 4, 3, 0, 1);
        assertEquals(new PngHeader(4, 3, 8, 0, false), PngHeader.read(own));
    }

    @Test
    void refusesBytesThatAreNotAPngOrWhoseHeaderIsBroken() throws IOException {
        assertFalse(PngHeader.hasSignature("hello".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> PngHeader.read("hello".getBytes()));
        byte[] good = png(new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_GRAY));
        assertTrue(PngHeader.hasSignature(good));
        assertThrows(IllegalArgumentException.class, () -> PngHeader.read(Arrays.copyOf(good, 20)));

        byte[] zeroWide = good.clone();
        Arrays.fill(zeroWide, 16, 20, (byte) 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PngHeader.read(zeroWide))
                .getMessage().contains("0×5"));

        byte[] badDepth = good.clone();
        badDepth[24] = 3;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PngHeader.read(badDepth))
                .getMessage().contains("bit depth 3"));
    }
}
