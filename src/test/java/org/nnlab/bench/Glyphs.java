package org.nnlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Hand-drawn-looking digits as pen strokes (points as fractions of a pad), a little different each time. */
final class Glyphs {
    private static final double[][][][] DIGITS = {
            {ellipse()},
            {{{0.52, 0.15}, {0.48, 0.85}}},
            {{{0.3, 0.3}, {0.42, 0.17}, {0.6, 0.17}, {0.7, 0.3}, {0.3, 0.85}, {0.72, 0.85}}},
            {{{0.3, 0.2}, {0.65, 0.22}, {0.45, 0.48}, {0.68, 0.65}, {0.5, 0.85}, {0.28, 0.8}}},
            {{{0.6, 0.15}, {0.28, 0.6}, {0.75, 0.6}}, {{0.6, 0.3}, {0.6, 0.88}}},
            {{{0.7, 0.18}, {0.35, 0.18}, {0.32, 0.48}, {0.6, 0.45}, {0.7, 0.65}, {0.55, 0.85}, {0.3, 0.8}}},
            {{{0.65, 0.15}, {0.38, 0.45}, {0.33, 0.7}, {0.5, 0.85}, {0.67, 0.7}, {0.55, 0.52}, {0.36, 0.6}}},
            {{{0.28, 0.18}, {0.72, 0.18}, {0.42, 0.85}}},
            {{{0.5, 0.5}, {0.32, 0.3}, {0.5, 0.15}, {0.68, 0.3}, {0.5, 0.5}, {0.3, 0.7}, {0.5, 0.87}, {0.7, 0.7}, {0.5, 0.5}}},
            {{{0.67, 0.35}, {0.5, 0.18}, {0.33, 0.33}, {0.5, 0.48}, {0.67, 0.35}, {0.62, 0.85}}},
    };

    private Glyphs() {
    }

    private static double[][] ellipse() {
        double[][] points = new double[25][];
        for (int i = 0; i < points.length; i++) {
            double a = 2 * Math.PI * i / (points.length - 1);
            points[i] = new double[] {0.5 + 0.22 * Math.sin(a), 0.5 - 0.32 * Math.cos(a)};
        }
        return points;
    }

    /** The strokes of {@code digit}, shifted and scaled a little at random, with points at most 4 % apart. */
    static List<List<double[]>> of(int digit, SplittableRandom random) {
        double scale = 0.85 + 0.25 * random.nextDouble();
        double dx = (random.nextDouble() - 0.5) * 0.12;
        double dy = (random.nextDouble() - 0.5) * 0.12;
        List<List<double[]>> strokes = new ArrayList<>();
        for (double[][] line : DIGITS[Math.floorMod(digit, 10)]) {
            List<double[]> stroke = new ArrayList<>();
            for (int i = 0; i < line.length; i++) {
                double[] to = place(line[i], scale, dx, dy);
                if (i > 0) {
                    double[] from = stroke.getLast();
                    int steps = (int) Math.ceil(Math.hypot(to[0] - from[0], to[1] - from[1]) / 0.04);
                    for (int s = 1; s < steps; s++) {
                        double t = (double) s / steps;
                        stroke.add(new double[] {from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])});
                    }
                }
                stroke.add(to);
            }
            strokes.add(stroke);
        }
        return strokes;
    }

    private static double[] place(double[] p, double scale, double dx, double dy) {
        return new double[] {0.5 + (p[0] - 0.5) * scale + dx, 0.5 + (p[1] - 0.5) * scale + dy};
    }

    /**
     * The image the drawing pad sends for these strokes: painted as the pad paints them (round caps, quadratic
     * curves through the midpoints, stroke width 0.07 of the side) on a 112-pixel square, coverage as bytes,
     * base64.
     */
    static String padImage(List<List<double[]>> strokes) {
        int side = 112;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(java.awt.Color.BLACK);
        double w = 0.07 * side;
        g.setStroke(new java.awt.BasicStroke((float) w, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
        for (List<double[]> p : strokes) {
            if (p.size() == 1) {
                g.fill(new java.awt.geom.Ellipse2D.Double(p.getFirst()[0] * side - w / 2, p.getFirst()[1] * side - w / 2, w, w));
                continue;
            }
            java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
            path.moveTo(p.getFirst()[0] * side, p.getFirst()[1] * side);
            for (int i = 1; i < p.size() - 1; i++) {
                double mx = (p.get(i)[0] + p.get(i + 1)[0]) / 2 * side;
                double my = (p.get(i)[1] + p.get(i + 1)[1]) / 2 * side;
                path.quadTo(p.get(i)[0] * side, p.get(i)[1] * side, mx, my);
            }
            path.lineTo(p.getLast()[0] * side, p.getLast()[1] * side);
            g.draw(path);
        }
        g.dispose();
        byte[] gray = new byte[side * side];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (byte) (image.getRGB(i % side, i / side) >>> 24);
        }
        return java.util.Base64.getEncoder().encodeToString(gray);
    }
}
