package org.nnlab.labs.recurrent.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/**
 * ‖∂L/∂h_t‖ per step as vertical bars on a logarithmic scale from 10^{@link #LOW} to 10^{@link #HIGH}, one row of
 * bars per network (the tanh RNN above the LSTM), step 1 on the left. Each bar carries its value in {@code title}
 * and {@code data-norm}.
 */
class GradientBars extends Div {
    static final int LOW = -10;
    static final int HIGH = 4;

    GradientBars(String id) {
        setId(id);
        addClassName("nnlab-bptt-bars");
    }

    void show(String[] names, double[][] norms) {
        removeAll();
        for (int n = 0; n < names.length; n++) {
            Span name = new Span(names[n]);
            name.addClassName("nnlab-bptt-name");
            Div bars = new Div();
            bars.addClassName("nnlab-bptt-row");
            bars.getElement().setAttribute("data-net", names[n]);
            for (int t = 0; t < norms[n].length; t++) {
                double v = norms[n][t];
                double share = v > 0 ? (Math.log10(v) - LOW) / (HIGH - LOW) : 0;
                Div bar = new Div();
                bar.addClassName("nnlab-bptt-bar");
                String text = String.format(Locale.ROOT, "t=%d: %.2e", t + 1, v);
                bar.getElement().setAttribute("title", text);
                bar.getElement().setAttribute("data-norm", String.format(Locale.ROOT, "%.3e", v));
                bar.getStyle().setHeight(String.format(Locale.ROOT, "%.1f%%", 100 * Math.max(0.01, Math.min(1, share))));
                bars.add(bar);
            }
            add(name, bars);
        }
    }
}
