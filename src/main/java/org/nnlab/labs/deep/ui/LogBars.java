package org.nnlab.labs.deep.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars on a logarithmic scale, one per layer: a bar's length shows the order of magnitude of its value
 * between {@code 10^low} and {@code 10^high}, so a gradient a thousand times smaller is three steps shorter.
 * Each fill has its value in its {@code title} and in the number beside it.
 */
class LogBars extends Div {
    private final int low;
    private final int high;
    private final List<Div> fills = new ArrayList<>();
    private final List<Span> numbers = new ArrayList<>();

    LogBars(String id, int low, int high) {
        this.low = low;
        this.high = high;
        setId(id);
        addClassName("nnlab-log-bars");
    }

    /** Shows {@code values[i]} on the bar labelled {@code labels.get(i)}, making or dropping bars as needed. */
    void show(double[] values, List<String> labels) {
        if (fills.size() != values.length) {
            build(labels);
        }
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            double share = v > 0 ? (Math.log10(v) - low) / (high - low) : 0;
            String width = String.format(Locale.ROOT, "%.1f%%", 100 * Math.max(0.005, Math.min(1, share)));
            String text = v > 0 && Double.isFinite(v) ? String.format(Locale.ROOT, "%.1e", v) : "0";
            fills.get(i).getStyle().setWidth(width);
            fills.get(i).getElement().setAttribute("title", text);
            numbers.get(i).setText(text);
        }
    }

    /** The values shown now, read back from the bars (for tests). */
    List<String> texts() {
        return numbers.stream().map(Span::getText).toList();
    }

    private void build(List<String> labels) {
        removeAll();
        fills.clear();
        numbers.clear();
        for (String label : labels) {
            Span name = new Span(label);
            name.addClassName("nnlab-log-bar-label");
            Div fill = new Div();
            fill.addClassName("nnlab-log-bar-fill");
            Div track = new Div(fill);
            track.addClassName("nnlab-log-bar-track");
            Span number = new Span();
            number.addClassName("nnlab-log-bar-value");
            Div row = new Div(name, track, number);
            row.addClassName("nnlab-log-bar");
            fills.add(fill);
            numbers.add(number);
            add(row);
        }
    }
}
