package org.nnlab.builder.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Locale;
import org.nnlab.builder.DiagramSvg;
import org.nnlab.builder.NetworkAnalysis;
import org.nnlab.engine.tensor.Shape;

/**
 * The whole network's figures under the stack: parameters, FLOPs per sample, memory to train and the
 * output shape, and, for a network with a convolution or recurrent layer, how many parameters the same
 * shapes would need with every such layer fully connected (what weight sharing saves).
 */
final class TotalsPanel extends Div {
    private final Span params;
    private final Span flops;
    private final Span memory;
    private final Span output;
    private final Div compare = new Div();

    TotalsPanel() {
        addClassName("build-totals");
        setId("build-totals");
        params = stat("build-total-params", getTranslation("build.total.params"), null);
        flops = stat("build-total-flops", getTranslation("build.total.flops"), null);
        memory = stat("build-total-memory", getTranslation("build.total.memory", NetworkAnalysis.BATCH),
                getTranslation("build.total.memory.tooltip", NetworkAnalysis.BATCH));
        output = stat("build-total-output", getTranslation("build.total.output"), null);
        compare.addClassName("build-compare");
        compare.setId("build-compare");
        add(compare);
    }

    private Span stat(String id, String label, String tooltip) {
        Span l = new Span(label);
        l.addClassName("build-stat-label");
        Span v = new Span();
        v.addClassName("build-stat-value");
        Div stat = new Div(l, v);
        stat.addClassName("build-stat");
        stat.setId(id);
        if (tooltip != null) {
            stat.getElement().setAttribute("title", tooltip);
            Icon info = new Icon(VaadinIcon.INFO_CIRCLE_O);
            info.addClassName("build-stat-info");
            l.add(info);
            Span explained = new Span(tooltip);
            explained.addClassName("build-sr-only");
            stat.add(explained);
        }
        add(stat);
        return v;
    }

    void show(NetworkAnalysis a) {
        set(params, DiagramSvg.number(a.params(), false));
        set(flops, DiagramSvg.number(a.flops(), true));
        set(memory, bytes(a.trainingBytes()));
        Shape out = a.valid() ? a.output() : null;
        set(output, out == null ? "—" : out.toString());
        compare.removeAll();
        if (a.params() > 0 && a.valid() && a.sharesWeights()) {
            double ratio = (double) a.fcParams() / a.params();
            compare.setText(getTranslation("build.compare", DiagramSvg.number(a.fcParams(), false),
                    DiagramSvg.number(a.params(), false), String.format(getLocale(), "%,.1f", ratio)));
            compare.getElement().setAttribute("title", getTranslation("build.compare.tooltip"));
            Span what = new Span(getTranslation("build.compare.tooltip"));
            what.addClassName("build-compare-what");
            compare.add(what);
            compare.setVisible(true);
        } else {
            compare.setText("");
            compare.getElement().removeAttribute("title");
            compare.setVisible(false);
        }
    }

    private static void set(Span value, String text) {
        if (!text.equals(value.getText())) {
            value.setText(text);
        }
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }
}
