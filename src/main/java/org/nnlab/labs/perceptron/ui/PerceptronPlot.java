package org.nnlab.labs.perceptron.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The input plane of a perceptron as SVG: the region where w·x + b ≥ 0 (output 1) shaded, the decision
 * line w·x + b = 0, earlier lines faded (so a line that keeps jumping shows it), and the samples, filled
 * for target 1 and hollow for target 0, ringed red where the current output is wrong. A one-input
 * perceptron is drawn on the same plane with its samples at x2 = ½ and a vertical line.
 */
final class PerceptronPlot {
    private static final double LO = -0.5;
    private static final double HI = 1.5;
    private static final int SIZE = 300;

    /** One line: the weights (w2 = 0 for one input) and the bias. */
    record Line(double w1, double w2, double b) {
        double value(double x1, double x2) {
            return w1 * x1 + w2 * x2 + b;
        }
    }

    private PerceptronPlot() {
    }

    /**
     * The plot of {@code samples} (x1, x2 per row; one column for one input) with their targets, the
     * current line, the earlier lines (oldest first) and the sample to highlight (−1 for none).
     */
    static String svg(float[][] samples, int[] targets, Line line, List<Line> earlier, int highlight) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(SIZE).append("' height='").append(SIZE)
                .append("' viewBox='0 0 ").append(SIZE).append(' ').append(SIZE).append("' role='img' class='nnlab-perceptron-plot'>");
        s.append("<rect x='0' y='0' width='300' height='300' fill='#fff7ed'/>");
        List<double[]> region = positiveRegion(line);
        if (region.size() >= 3) {
            s.append("<polygon fill='#dbeafe' points='");
            for (double[] p : region) {
                s.append(fmt(px(p[0]))).append(',').append(fmt(py(p[1]))).append(' ');
            }
            s.append("'/>");
        }
        axes(s);
        for (int i = 0; i < earlier.size(); i++) {
            double opacity = 0.1 + 0.3 * (i + 1) / earlier.size();
            segment(s, earlier.get(i), "#64748b", 1.5, opacity);
        }
        segment(s, line, "#1d4ed8", 3, 1);
        for (int i = 0; i < samples.length; i++) {
            double x1 = samples[i][0];
            double x2 = samples[i].length > 1 ? samples[i][1] : 0.5;
            boolean one = targets[i] == 1;
            boolean output = line.value(x1, x2) >= 0;
            String cx = fmt(px(x1));
            String cy = fmt(py(x2));
            if (i == highlight) {
                s.append("<circle cx='").append(cx).append("' cy='").append(cy)
                        .append("' r='17' fill='none' stroke='#f59e0b' stroke-width='4'/>");
            }
            if (output != one) {
                s.append("<circle cx='").append(cx).append("' cy='").append(cy)
                        .append("' r='12' fill='none' stroke='#dc2626' stroke-width='2' stroke-dasharray='3 2'/>");
            }
            s.append("<circle cx='").append(cx).append("' cy='").append(cy).append("' r='8' stroke='#1e3a8a' stroke-width='2.5' fill='")
                    .append(one ? "#1e3a8a" : "#ffffff").append("'/>");
        }
        return s.append("</svg>").toString();
    }

    private static void axes(StringBuilder s) {
        String gray = "stroke='#94a3b8' stroke-width='1'";
        s.append("<line x1='").append(fmt(px(0))).append("' y1='0' x2='").append(fmt(px(0))).append("' y2='300' ").append(gray).append("/>");
        s.append("<line x1='0' y1='").append(fmt(py(0))).append("' x2='300' y2='").append(fmt(py(0))).append("' ").append(gray).append("/>");
        s.append("<text x='292' y='").append(fmt(py(0) - 6)).append("' font-size='13' text-anchor='end' fill='#475569'>x₁</text>");
        s.append("<text x='").append(fmt(px(0) + 6)).append("' y='14' font-size='13' fill='#475569'>x₂</text>");
        s.append("<text x='").append(fmt(px(1))).append("' y='").append(fmt(py(0) + 16))
                .append("' font-size='11' text-anchor='middle' fill='#475569'>1</text>");
        s.append("<text x='").append(fmt(px(0) - 6)).append("' y='").append(fmt(py(1) + 4))
                .append("' font-size='11' text-anchor='end' fill='#475569'>1</text>");
    }

    private static void segment(StringBuilder s, Line line, String colour, double width, double opacity) {
        List<double[]> ends = boundaryEnds(line);
        if (ends.size() < 2) {
            return;
        }
        s.append("<line x1='").append(fmt(px(ends.get(0)[0]))).append("' y1='").append(fmt(py(ends.get(0)[1])))
                .append("' x2='").append(fmt(px(ends.get(1)[0]))).append("' y2='").append(fmt(py(ends.get(1)[1])))
                .append("' stroke='").append(colour).append("' stroke-width='").append(fmt(width))
                .append("' opacity='").append(fmt(opacity)).append("'/>");
    }

    /** The box clipped to w·x + b ≥ 0 (one step of Sutherland–Hodgman). */
    static List<double[]> positiveRegion(Line line) {
        double[][] box = {{LO, LO}, {HI, LO}, {HI, HI}, {LO, HI}};
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < box.length; i++) {
            double[] a = box[i];
            double[] b = box[(i + 1) % box.length];
            double fa = line.value(a[0], a[1]);
            double fb = line.value(b[0], b[1]);
            if (fa >= 0) {
                out.add(a);
            }
            if ((fa >= 0) != (fb >= 0)) {
                out.add(crossing(a, b, fa, fb));
            }
        }
        return out;
    }

    /** Where the line w·x + b = 0 enters and leaves the box (none when it misses the box or w = 0). */
    static List<double[]> boundaryEnds(Line line) {
        double[][] box = {{LO, LO}, {HI, LO}, {HI, HI}, {LO, HI}};
        List<double[]> ends = new ArrayList<>();
        for (int i = 0; i < box.length && ends.size() < 2; i++) {
            double[] a = box[i];
            double[] b = box[(i + 1) % box.length];
            double fa = line.value(a[0], a[1]);
            double fb = line.value(b[0], b[1]);
            if ((fa >= 0) != (fb >= 0)) {
                ends.add(crossing(a, b, fa, fb));
            }
        }
        return ends;
    }

    private static double[] crossing(double[] a, double[] b, double fa, double fb) {
        double t = fa / (fa - fb);
        return new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])};
    }

    private static double px(double x) {
        return (x - LO) / (HI - LO) * SIZE;
    }

    private static double py(double y) {
        return SIZE - (y - LO) / (HI - LO) * SIZE;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
