package org.nnlab.digits.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** One horizontal bar per digit 0–9 with its probability; the most probable digit is highlighted. */
class ProbabilityBars extends Composite<Div> {
    private final Div[] rows = new Div[10];
    private final Div[] fills = new Div[10];
    private final Span[] values = new Span[10];
    private final String[] names = new String[10];

    ProbabilityBars() {
        Div root = getContent();
        root.setId("probabilities");
        root.addClassName("nnlab-bars");
        root.getElement().setAttribute("role", "list");
        root.getElement().setAttribute("aria-label", getTranslation("draw.probabilities.label"));
        for (int d = 0; d < 10; d++) {
            names[d] = getTranslation("draw.probabilities.digit", d);
            Span digit = new Span(Integer.toString(d));
            digit.addClassName("nnlab-bar-digit");
            fills[d] = new Div();
            fills[d].addClassName("nnlab-bar-fill");
            Div track = new Div(fills[d]);
            track.addClassName("nnlab-bar-track");
            values[d] = new Span();
            values[d].addClassName("nnlab-bar-value");
            rows[d] = new Div(digit, track, values[d]);
            rows[d].addClassName("nnlab-bar");
            rows[d].setId("bar-" + d);
            rows[d].getElement().setAttribute("role", "listitem");
            root.add(rows[d]);
        }
        show(null);
    }

    /** Shows these ten probabilities, or empty bars for null. */
    void show(float[] probabilities) {
        int best = -1;
        if (probabilities != null) {
            best = 0;
            for (int d = 1; d < 10; d++) {
                if (probabilities[d] > probabilities[best]) {
                    best = d;
                }
            }
        }
        for (int d = 0; d < 10; d++) {
            double p = probabilities == null ? 0 : probabilities[d];
            String percent = probabilities == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
            fills[d].getStyle().set("width", String.format(Locale.ROOT, "%.2f%%", 100 * p));
            values[d].setText(percent);
            rows[d].setClassName("nnlab-bar-top", d == best);
            rows[d].getElement().setAttribute("aria-label", names[d] + ": " + percent);
        }
    }

    /** The shown percentage of digit {@code d} (for tests). */
    String valueText(int d) {
        return values[d].getText();
    }
}
