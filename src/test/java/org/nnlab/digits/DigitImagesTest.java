package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.DigitPreprocessor;
import org.nnlab.engine.data.DigitStages;
import org.nnlab.engine.data.GrayImage;

class DigitImagesTest {
    /** A PNG of w×h with a "7"-like stroke drawn in {@code ink} on {@code paper} (null: transparent). */
    private static byte[] png(int w, int h, Color paper, Color ink) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (paper != null) {
            g.setColor(paper);
            g.fillRect(0, 0, w, h);
        }
        g.setColor(ink);
        g.setStroke(new BasicStroke(w / 15f));
        g.drawLine(w / 4, h / 5, 3 * w / 4, h / 5);
        g.drawLine(3 * w / 4, h / 5, w / 3, 4 * h / 5);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void assertInkOnStroke(GrayImage g) {
        int w = g.width();
        int h = g.height();
        assertEquals(1f, maxNear(g, w / 2, h / 5), 0.05f);
        assertEquals(0f, g.get(2, 2), 0.02f);
        assertEquals(0f, g.get(w - 3, h - 3), 0.02f);
        assertEquals(0f, g.get(w / 5, h / 2), 0.02f);
    }

    private static float maxNear(GrayImage g, int x, int y) {
        float m = 0;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                m = Math.max(m, g.get(x + dx, y + dy));
            }
        }
        return m;
    }

    @Test
    void darkInkOnLightPaperBecomesInkOne() throws IOException {
        GrayImage g = DigitImages.read(png(300, 240, Color.WHITE, Color.BLACK));
        assertEquals(300, g.width());
        assertInkOnStroke(g);
    }

    @Test
    void lightInkOnDarkBackgroundBecomesInkOne() throws IOException {
        assertInkOnStroke(DigitImages.read(png(90, 120, Color.BLACK, Color.WHITE)));
    }

    @Test
    void greyPaperAndBlueInkAreStretched() throws IOException {
        assertInkOnStroke(DigitImages.read(png(200, 200, new Color(200, 200, 190), new Color(20, 30, 120))));
    }

    @Test
    void transparentBackgroundCountsAsPaperForDarkAndLightInk() throws IOException {
        assertInkOnStroke(DigitImages.read(png(150, 150, null, Color.BLACK)));
        assertInkOnStroke(DigitImages.read(png(150, 150, null, Color.WHITE)));
    }

    @Test
    void blankPictureIsEmptyAndGarbageIsAnError() throws IOException {
        GrayImage blank = DigitImages.read(png(50, 50, Color.WHITE, Color.WHITE));
        assertEquals(0.0, blank.mass());
        assertTrue(new DigitPreprocessor().process(blank).empty());
        IOException e = assertThrows(IOException.class, () -> DigitImages.read("hello".getBytes()));
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void pngOfAnySizeGoesThroughPreprocessing() throws IOException {
        DigitStages s = new DigitPreprocessor().process(DigitImages.read(png(640, 480, Color.WHITE, Color.BLACK)));
        double[] com = s.centred().centreOfMass();
        assertEquals(14, com[0], 0.5);
        assertEquals(14, com[1], 0.5);
        int[] box = s.centred().boundingBox(0.05f);
        assertEquals(20, Math.max(box[2], box[3]), 1);
    }

    @Test
    void aPictureWithinTheSideLimitIsReadExactlyAsAWholeRead() throws IOException {
        byte[] png = png(300, 240, Color.WHITE, Color.BLACK);
        GrayImage whole = DigitImages.read(png);
        GrayImage bounded = DigitImages.read(png, 300);
        assertEquals(300, bounded.width());
        assertEquals(240, bounded.height());
        assertTrue(java.util.Arrays.equals(whole.pixels(), bounded.pixels()));
    }

    @Test
    void aLargePictureIsReadSubsampledAndStillPreprocessesToTheSameDigit() throws IOException {
        byte[] png = png(1600, 1200, Color.WHITE, Color.BLACK);
        GrayImage small = DigitImages.read(png, 400);
        assertEquals(400, small.width());
        assertEquals(300, small.height());
        assertInkOnStroke(small);
        GrayImage fromWhole = new DigitPreprocessor().process(DigitImages.read(png)).centred();
        GrayImage fromSmall = new DigitPreprocessor().process(small).centred();
        float largest = 0;
        for (int i = 0; i < fromWhole.pixels().length; i++) {
            largest = Math.max(largest, Math.abs(fromWhole.pixels()[i] - fromSmall.pixels()[i]));
        }
        assertTrue(largest < 0.35f, "the 28×28 inputs differ by at most " + largest);
    }

    @Test
    void subsamplingIsTheSmallestStepThatFitsTheLongerSide() {
        assertEquals(1, DigitImages.subsampling(512, 100, 512));
        assertEquals(2, DigitImages.subsampling(100, 513, 512));
        assertEquals(4, DigitImages.subsampling(2000, 2000, 512));
        assertThrows(IllegalArgumentException.class, () -> DigitImages.subsampling(10, 10, 0));
    }
}
