package org.nnlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Shape;

class DigitPreprocessorTest {
    private final DigitPreprocessor pre = new DigitPreprocessor();

    /** A thick stroke (disc brush of radius r) from (x0, y0) to (x1, y1) on a w×h canvas. */
    static GrayImage stroke(int w, int h, double x0, double y0, double x1, double y1, double r) {
        GrayImage img = GrayImage.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double vx = x1 - x0;
                double vy = y1 - y0;
                double t = Math.clamp(((x - x0) * vx + (y - y0) * vy) / (vx * vx + vy * vy), 0, 1);
                double d = Math.hypot(x - (x0 + t * vx), y - (y0 + t * vy));
                if (d <= r) {
                    img.set(x, y, 1f);
                }
            }
        }
        return img;
    }

    private static int longestSide(GrayImage img) {
        int[] box = img.boundingBox(0f);
        return Math.max(box[2], box[3]);
    }

    @Test
    void offCentreSmallThickStrokeLandsCentredAndScaled() {
        GrayImage drawing = stroke(300, 200, 20, 15, 38, 60, 6);
        DigitStages s = pre.process(drawing);
        assertFalse(s.empty());
        assertEquals(28, s.centred().width());
        assertEquals(28, s.centred().height());
        assertEquals(20, longestSide(s.centred()));
        double[] com = s.centred().centreOfMass();
        // the digit moves by whole pixels, so the centre lands within half a pixel (plus rounding noise)
        assertEquals(14, com[0], 0.5 + 1e-6);
        assertEquals(14, com[1], 0.5 + 1e-6);
        assertEquals(s.boxWidth(), s.cropped().width());
        assertEquals(s.boxHeight(), s.cropped().height());
        assertEquals(20, Math.max(s.scaled().width(), s.scaled().height()));
        assertTrue(s.boxX() >= 13 && s.boxX() <= 15 && s.boxY() >= 8 && s.boxY() <= 10,
                "box at " + s.boxX() + "," + s.boxY());
    }

    @Test
    void keepsAspectRatio() {
        GrayImage bar = GrayImage.blank(200, 100);
        for (int y = 40; y < 60; y++) {
            for (int x = 30; x < 130; x++) {
                bar.set(x, y, 1f);
            }
        }
        DigitStages s = pre.process(bar);
        assertEquals(20, s.scaled().width());
        assertEquals(4, s.scaled().height());
        int[] box = s.centred().boundingBox(0f);
        assertArrayEquals(new int[] {5, 13, 20, 4}, box);
        assertEquals(1f, s.centred().get(14, 14), 1e-6);
    }

    @Test
    void enlargesTinyDrawings() {
        DigitStages s = pre.process(stroke(500, 500, 401, 300, 401, 304, 1));
        assertEquals(20, s.scaled().height());
        assertEquals(20, longestSide(s.centred()));
        assertEquals(14, s.centred().centreOfMass()[1], 0.5 + 1e-6);
    }

    @Test
    void emptyDrawingGivesBlankResultWithoutError() {
        DigitStages s = pre.process(GrayImage.blank(64, 64));
        assertTrue(s.empty());
        assertEquals(0, s.cropped().width());
        assertEquals(0.0, s.centred().mass());
        assertEquals(Shape.of(1, 1, 28, 28), s.input().shape());
        assertTrue(pre.process(GrayImage.blank(0, 0)).empty());
        GrayImage faint = GrayImage.blank(10, 10);
        faint.set(3, 3, 0.01f);
        assertTrue(pre.process(faint).empty());
    }

    @Test
    void staysInsideTheFrameWhenTheCentreOfMassIsFarOffCentre() {
        GrayImage img = GrayImage.blank(100, 100);
        for (int x = 0; x < 100; x++) {
            img.set(x, 0, 1f);
        }
        img.set(0, 99, 1f);
        DigitStages s = pre.process(img);
        assertEquals(20, s.scaled().height());
        assertEquals(8, s.offsetY());
        assertEquals(s.scaled().mass(), s.centred().mass(), 1e-4);
        assertEquals(20 * 0.2 + 0.04, s.centred().mass(), 1e-4);
    }

    @Test
    void areaAveragingKeepsTheMeanAndSmoothsEdges() {
        GrayImage checker = GrayImage.blank(40, 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                checker.set(x, y, (x + y) % 2);
            }
        }
        GrayImage half = DigitPreprocessor.resizeAreaAverage(checker, 20, 20);
        for (float v : half.pixels()) {
            assertEquals(0.5f, v, 1e-6);
        }
        GrayImage third = DigitPreprocessor.resizeAreaAverage(checker, 13, 7);
        assertEquals(checker.mass() / 1600, third.mass() / 91, 1e-6);
        GrayImage edge = new GrayImage(3, 1, new float[] {1f, 1f, 0f});
        assertArrayEquals(new float[] {1f, 1f / 3}, DigitPreprocessor.resizeAreaAverage(edge, 2, 1).pixels(), 1e-6f);
    }
}
