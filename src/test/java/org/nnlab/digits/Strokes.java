package org.nnlab.digits;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import org.nnlab.engine.data.GrayImage;

/**
 * Test drawings made the way a hand on the pad makes them: strokes of round, anti-aliased ink on a
 * square of {@code side} pixels, coordinates given as fractions of the side (0..1).
 */
public final class Strokes {
    private final int side;
    private final BufferedImage image;
    private final Graphics2D g;

    public Strokes(int side, double widthFraction) {
        this.side = side;
        image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.WHITE);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setStroke(new BasicStroke((float) (widthFraction * side), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** One stroke through the points {x0, y0, x1, y1, …}. */
    public Strokes stroke(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0] * side, xy[1] * side);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i] * side, xy[i + 1] * side);
        }
        g.draw(path);
        return this;
    }

    /** A closed ellipse around (cx, cy) with radii rx, ry, as one stroke of {@code steps} segments. */
    public Strokes ellipse(double cx, double cy, double rx, double ry, int steps) {
        double[] xy = new double[2 * (steps + 1)];
        for (int i = 0; i <= steps; i++) {
            double a = 2 * Math.PI * i / steps;
            xy[2 * i] = cx + rx * Math.sin(a);
            xy[2 * i + 1] = cy - ry * Math.cos(a);
        }
        return stroke(xy);
    }

    public GrayImage image() {
        float[] pixels = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = (image.getRaster().getSample(x, y, 0)) / 255f;
            }
        }
        return new GrayImage(side, side, pixels);
    }

    /** A "1": one vertical stroke, slightly slanted, through the middle. */
    public static GrayImage one(int side) {
        return new Strokes(side, 0.07).stroke(0.52, 0.15, 0.48, 0.85).image();
    }

    /** A "0": one closed loop, taller than wide. */
    public static GrayImage zero(int side) {
        return new Strokes(side, 0.07).ellipse(0.5, 0.5, 0.22, 0.33, 48).image();
    }

    /** A small "7" in the top-left quarter: a bar, then a long diagonal down to the left. */
    public static GrayImage smallSevenOffCentre(int side) {
        return new Strokes(side, 0.03).stroke(0.10, 0.12, 0.32, 0.12, 0.20, 0.42).image();
    }
}
