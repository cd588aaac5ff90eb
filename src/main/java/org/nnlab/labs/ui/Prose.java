package org.nnlab.labs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;

/**
 * Text with formulas: {@code $…$} in a text becomes an inline {@link NnMath}, the rest stays plain text.
 * Lab explanations keep their formulas inside the translated sentences this way.
 */
public final class Prose {
    private Prose() {
    }

    /** A paragraph of {@code text}, its {@code $…$} parts typeset. */
    public static Paragraph paragraph(String text) {
        Paragraph p = new Paragraph();
        p.add(parts(text).toArray(Component[]::new));
        return p;
    }

    /** The pieces of {@code text}: plain text and inline formulas, in order. An unpaired {@code $} stays text. */
    public static List<Component> parts(String text) {
        List<Component> parts = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int open = text.indexOf('$', from);
            int close = open < 0 ? -1 : text.indexOf('$', open + 1);
            if (close < 0) {
                parts.add(new Text(text.substring(from)));
                break;
            }
            if (open > from) {
                parts.add(new Text(text.substring(from, open)));
            }
            parts.add(new NnMath(text.substring(open + 1, close)));
            from = close + 1;
        }
        return parts;
    }
}
