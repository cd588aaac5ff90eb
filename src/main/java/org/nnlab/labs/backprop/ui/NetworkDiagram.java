package org.nnlab.labs.backprop.ui;

import java.util.Locale;
import java.util.Set;
import org.nnlab.engine.backprop.BackpropStep;
import org.nnlab.engine.backprop.WorkedExample;

/**
 * The 2-2-2 network as SVG: inputs, hidden and output neurons with their out values once the forward pass
 * has reached them, biases, and every weight on its connection. The neurons and weights named in
 * {@code highlight} (e.g. {@code o1}, {@code w5}) are drawn in the highlight colour.
 */
final class NetworkDiagram {
    private static final double[] LAYER_X = {70, 250, 430};
    private static final double[] ROW_Y = {90, 230};
    private static final String HIGHLIGHT = "#ea580c";

    private NetworkDiagram() {
    }

    /** {@code shown}: how many neurons of h1, h2, o1, o2 have their out value computed (0–4). */
    static String svg(WorkedExample ex, BackpropStep step, int shown, Set<String> highlight) {
        StringBuilder s = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='500' height='320' viewBox='0 0 500 320' role='img' class='nnlab-backprop-diagram'>");
        int w = 1;
        for (int h = 0; h < 2; h++) {
            for (int i = 0; i < 2; i++) {
                edge(s, 0, i, 1, h, "w" + w, ex.hiddenWeights()[h][i], highlight.contains("w" + w), i == h ? 0.3 : 0.7);
                w++;
            }
        }
        for (int o = 0; o < 2; o++) {
            for (int h = 0; h < 2; h++) {
                edge(s, 1, h, 2, o, "w" + w, ex.outputWeights()[o][h], highlight.contains("w" + w), h == o ? 0.3 : 0.7);
                w++;
            }
        }
        bias(s, 1, "b1", ex.hiddenBias()[0]);
        bias(s, 2, "b2", ex.outputBias()[0]);
        for (int i = 0; i < 2; i++) {
            node(s, 0, i, "i" + (i + 1), Digits.of(ex.inputs()[i]), highlight.contains("i" + (i + 1)));
        }
        for (int h = 0; h < 2; h++) {
            String out = shown > h ? trim(step.hidden().get(h).out()) : "";
            node(s, 1, h, "h" + (h + 1), out, highlight.contains("h" + (h + 1)));
        }
        for (int o = 0; o < 2; o++) {
            String out = shown > 2 + o ? trim(step.outputs().get(o).out()) : "";
            node(s, 2, o, "o" + (o + 1), out, highlight.contains("o" + (o + 1)));
            s.append(text(LAYER_X[2] + 40, ROW_Y[o] + 5, "t = " + Digits.of(ex.targets()[o]), "start", "#475569", 12));
        }
        return s.append("</svg>").toString();
    }

    private static void edge(StringBuilder s, int fromLayer, int from, int toLayer, int to, String name, double value,
                             boolean hot, double labelAt) {
        double x1 = LAYER_X[fromLayer] + 26;
        double y1 = ROW_Y[from];
        double x2 = LAYER_X[toLayer] - 26;
        double y2 = ROW_Y[to];
        s.append("<line x1='").append(f(x1)).append("' y1='").append(f(y1)).append("' x2='").append(f(x2))
                .append("' y2='").append(f(y2)).append("' stroke='").append(hot ? HIGHLIGHT : "#94a3b8")
                .append("' stroke-width='").append(hot ? 4 : 1.5).append("'/>");
        double lx = x1 + (x2 - x1) * labelAt;
        double ly = y1 + (y2 - y1) * labelAt - 6;
        s.append("<rect x='").append(f(lx - 34)).append("' y='").append(f(ly - 12)).append("' width='68' height='16' rx='4' fill='")
                .append(hot ? "#ffedd5" : "#ffffff").append("' opacity='0.92'/>");
        s.append(text(lx, ly, name + " = " + trim(value), "middle", hot ? HIGHLIGHT : "#334155", 11));
    }

    private static void bias(StringBuilder s, int layer, String name, double value) {
        double x = LAYER_X[layer];
        s.append(text(x, 300, name + " = " + trim(value), "middle", "#475569", 12));
        s.append("<line x1='").append(f(x)).append("' y1='286' x2='").append(f(x)).append("' y2='258' stroke='#cbd5e1' stroke-dasharray='3 3'/>");
    }

    private static void node(StringBuilder s, int layer, int row, String name, String out, boolean hot) {
        double x = LAYER_X[layer];
        double y = ROW_Y[row];
        s.append("<circle cx='").append(f(x)).append("' cy='").append(f(y)).append("' r='26' fill='")
                .append(hot ? "#ffedd5" : layer == 0 ? "#f1f5f9" : "#dbeafe").append("' stroke='")
                .append(hot ? HIGHLIGHT : "#1e3a8a").append("' stroke-width='").append(hot ? 4 : 2).append("'/>");
        s.append(text(x, out.isEmpty() ? y + 5 : y - 3, name, "middle", "#0f172a", 14));
        if (!out.isEmpty()) {
            s.append(text(x, y + 13, out, "middle", "#1e3a8a", 10));
        }
    }

    private static String text(double x, double y, String text, String anchor, String colour, int size) {
        return "<text x='" + f(x) + "' y='" + f(y) + "' text-anchor='" + anchor + "' font-size='" + size + "' fill='" + colour
                + "' font-family='sans-serif'>" + text + "</text>";
    }

    /** A short form for the drawing (at most six decimals); the full digits are in the text beside it. */
    private static String trim(double v) {
        String d = Digits.of(v);
        return d.length() > 8 && !d.contains("e") ? d.substring(0, 8) : d;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
