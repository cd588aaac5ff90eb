package org.nnlab.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.nnlab.engine.data.toy.ToyPoint;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.perceptron.LogicGate;
import org.nnlab.training.DataChoice;
import org.nnlab.training.ModelProbes;
import org.nnlab.training.TextCorpora;
import org.nnlab.training.TextLimits;
import org.nnlab.training.ToyData;

/**
 * The charts that depend on the data: for points and truth tables the decision boundary (the network's
 * answer over the plane, from our engine, with the training points), for texts the text the network
 * writes after each epoch. Hidden for image data.
 */
class DataCharts extends Div {
    /** Cells per side of the boundary picture. */
    static final int GRID = 40;
    private static final int SIZE = 300;
    private static final int SAMPLE_CHARS = 80;
    final Div boundary = new Div();
    final Span boundaryCaption = new Span();
    final Div samples = new Div();
    private final Div boundaryBox;
    private final Div samplesBox;
    private int shownEpoch = -1;

    DataCharts() {
        boundary.setId("boundary-chart");
        boundary.getStyle().set("width", "min(300px, 100%)").set("aspect-ratio", "1");
        boundaryCaption.setId("boundary-caption");
        samples.setId("text-samples");
        samples.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("font-size", "var(--lumo-font-size-s)");
        boundaryBox = box("train.boundary.title", boundary, boundaryCaption);
        samplesBox = box("train.samples.title", samples);
        add(boundaryBox, samplesBox);
        setWidthFull();
        reset(null);
    }

    private Div box(String titleKey, com.vaadin.flow.component.Component... content) {
        Span title = new Span(getTranslation(titleKey));
        title.getStyle().set("font-weight", "600");
        Div box = new Div(title);
        box.add(content);
        box.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        return box;
    }

    /** Empty again, showing the parts the data {@code choice} (null: none) will fill, each saying what it will show. */
    void reset(DataChoice choice) {
        shownEpoch = -1;
        boolean points = choice != null && isPoints(choice);
        boolean text = choice != null && choice.dataset().startsWith(DataChoice.TEXT);
        boundaryBox.setVisible(points);
        samplesBox.setVisible(text);
        setVisible(points || text);
        boundary.getElement().setProperty("innerHTML", "");
        boundaryCaption.setText(getTranslation("train.boundary.empty"));
        samples.removeAll();
        samples.add(new Div(getTranslation("train.samples.empty")));
    }

    private static boolean isPoints(DataChoice c) {
        return c.dataset().startsWith(DataChoice.TOY) || c.dataset().startsWith(DataChoice.GATE);
    }

    /** Whether {@code epochs} finished epochs are newer than what is shown. */
    boolean wants(int epochs) {
        return isVisible() && epochs > 0 && epochs != shownEpoch;
    }

    /** Shows what {@code model} (a copy of the run's network after {@code epochs} epochs) makes of the data. */
    void show(int epochs, Sequential model, DataChoice choice, TextLimits limits) {
        shownEpoch = epochs;
        if (isPoints(choice)) {
            boolean gate = choice.dataset().startsWith(DataChoice.GATE);
            double lo = gate ? -0.5 : -6.5;
            double hi = gate ? 1.5 : 6.5;
            float[] score = ModelProbes.boundary(model, lo, hi, GRID);
            boundary.getElement().setProperty("innerHTML", svg(score, points(choice), lo, hi));
            boundaryCaption.setText(getTranslation("train.boundary.caption", epochs));
        } else {
            int steps = choice.options().steps();
            String text = ModelProbes.continueText(model, TextCorpora.corpus(choice, limits), steps, SAMPLE_CHARS,
                    0.7, epochs);
            if (samples.getComponentCount() == 1 && samples.getComponentAt(0).getElement().getText()
                    .equals(getTranslation("train.samples.empty"))) {
                samples.removeAll();
            }
            Div line = new Div(getTranslation("train.samples.line", epochs, text));
            line.getStyle().set("margin-bottom", "var(--lumo-space-xs)");
            samples.addComponentAsFirst(line);
            while (samples.getComponentCount() > 5) {
                samples.remove(samples.getComponentAt(5));
            }
        }
    }

    /** The training points (x1, x2, class); a one-input table is drawn at x2 = ½. */
    private static List<double[]> points(DataChoice choice) {
        if (choice.dataset().startsWith(DataChoice.GATE)) {
            LogicGate gate = ToyData.gate(choice);
            float[][] in = gate.inputs();
            int[] t = gate.targets();
            return java.util.stream.IntStream.range(0, in.length)
                    .mapToObj(i -> new double[] {in[i][0], in[i].length > 1 ? in[i][1] : 0.5, t[i]}).toList();
        }
        return ToyData.trainingPoints(choice).stream().map((ToyPoint p) -> new double[] {p.x1(), p.x2(), p.label()}).toList();
    }

    static String svg(float[] score, List<double[]> points, double lo, double hi) {
        int n = (int) Math.round(Math.sqrt(score.length));
        double cell = (double) SIZE / n;
        StringBuilder s = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 300 300' width='100%'")
                .append(" height='100%' role='img' shape-rendering='crispEdges'>");
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                s.append("<rect x='").append(fmt(col * cell)).append("' y='").append(fmt(row * cell))
                        .append("' width='").append(fmt(cell + 0.5)).append("' height='").append(fmt(cell + 0.5))
                        .append("' fill='").append(shade(score[row * n + col])).append("'/>");
            }
        }
        for (double[] p : points) {
            double x = (p[0] - lo) / (hi - lo) * SIZE;
            double y = (hi - p[1]) / (hi - lo) * SIZE;
            boolean one = p[2] == 1;
            s.append("<circle cx='").append(fmt(x)).append("' cy='").append(fmt(y)).append("' r='3.5' fill='")
                    .append(one ? "#1e3a8a" : "#ffffff").append("' stroke='").append(one ? "#ffffff" : "#c2410c")
                    .append("' stroke-width='1.5'/>");
        }
        return s.append("</svg>").toString();
    }

    /** Light orange for 0 through white to blue for 1. */
    private static String shade(float v) {
        int[] zero = {253, 186, 116};
        int[] one = {96, 165, 250};
        int[] mid = {248, 250, 252};
        int[] a = v < 0.5 ? zero : mid;
        int[] b = v < 0.5 ? mid : one;
        double t = v < 0.5 ? v * 2 : (v - 0.5) * 2;
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], t), mix(a[1], b[1], t), mix(a[2], b[2], t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
