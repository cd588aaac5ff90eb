package org.nnlab.builder;

import java.util.Locale;
import java.util.function.Function;
import org.nnlab.engine.tensor.Shape;

/**
 * The network as an SVG drawing in the manner of Netron: the input and one rounded block per layer from
 * top to bottom, joined by arrows labelled with the shape that flows along them. A layer that does not
 * fit is drawn red, and the layers after it dashed, because their shapes are unknown. Colours come from
 * the kind's name, so a new kind gets one without being listed here.
 */
public final class DiagramSvg {
    private static final int WIDTH = 240;
    private static final int BLOCK = 44;
    private static final int GAP = 30;
    private static final int TOP = 8;
    private static final String[] FILLS = {
            "#dbeafe", "#fde2e4", "#dcfce7", "#fef3c7", "#ede9fe", "#e0f2fe", "#fce7f3", "#ecfccb", "#ffedd5", "#e2e8f0"
    };
    private static final String[] STROKES = {
            "#3b82f6", "#e11d48", "#16a34a", "#d97706", "#7c3aed", "#0284c7", "#db2777", "#65a30d", "#ea580c", "#475569"
    };

    private DiagramSvg() {
    }

    /**
     * @param label      the name to show for a kind (translated by the caller)
     * @param paramsText how to write a parameter count, e.g. "1,234 params"
     * @param invalidText what to write in a block that does not fit
     * @param selected   index of the highlighted layer, or -1
     */
    public static String render(NetworkAnalysis a, Function<String, String> label, Function<Long, String> paramsText,
                                String inputText, String invalidText, int selected) {
        int n = a.rows().size();
        int height = TOP * 2 + (n + 1) * BLOCK + n * GAP;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"build-diagram-svg\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\">");
        svg.append("<defs><marker id=\"build-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#64748b\"/>"
                + "</marker></defs>");
        block(svg, 0, inputText, shape(a.input()), "#f1f5f9", "#64748b", false, "build-diagram-input", false);
        for (NetworkAnalysis.Row row : a.rows()) {
            int y = TOP + row.index() * (BLOCK + GAP) + BLOCK;
            String arrowLabel = row.input() == null ? "?" : shape(row.input());
            svg.append("<line x1=\"").append(WIDTH / 2).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH / 2)
                    .append("\" y2=\"").append(y + GAP - 2).append("\" stroke=\"#64748b\" stroke-width=\"1.5\"")
                    .append(" marker-end=\"url(#build-arrow)\"/>");
            svg.append("<text x=\"").append(WIDTH / 2 + 8).append("\" y=\"").append(y + GAP / 2 + 4)
                    .append("\" font-size=\"10\" fill=\"#64748b\">").append(escape(arrowLabel)).append("</text>");
            int colour = Math.floorMod(row.spec().kind().hashCode(), FILLS.length);
            boolean invalid = row.error() != null;
            boolean unknown = !row.known() && !invalid;
            String detail = row.known() ? shape(row.output()) + (row.params() > 0 ? "  ·  " + paramsText.apply(row.params()) : "")
                    : invalid ? "⚠ " + invalidText : "?";
            block(svg, row.index() + 1, label.apply(row.spec().kind()), detail,
                    invalid ? "#fee2e2" : unknown ? "#ffffff" : FILLS[colour],
                    invalid ? "#dc2626" : unknown ? "#94a3b8" : STROKES[colour], unknown, "build-diagram-layer",
                    row.index() == selected);
        }
        return svg.append("</svg>").toString();
    }

    private static void block(StringBuilder svg, int slot, String title, String detail, String fill, String stroke,
                              boolean dashed, String cssClass, boolean selected) {
        int y = TOP + slot * (BLOCK + GAP);
        svg.append("<g class=\"").append(cssClass).append("\">");
        svg.append("<rect x=\"10\" y=\"").append(y).append("\" width=\"").append(WIDTH - 20).append("\" height=\"")
                .append(BLOCK).append("\" rx=\"8\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(selected ? "3" : "1.5").append('"')
                .append(dashed ? " stroke-dasharray=\"5 4\"" : "").append("/>");
        svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(y + 18)
                .append("\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\" fill=\"#0f172a\">")
                .append(escape(title)).append("</text>");
        svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(y + 35)
                .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#334155\">")
                .append(escape(detail)).append("</text>");
        svg.append("</g>");
    }

    /** A shape as the builder writes it, e.g. {@code [1, 28, 28]}. */
    public static String shape(Shape s) {
        return s == null ? "?" : s.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Thousands separated, e.g. 1,234,567 (or 1.2 M when {@code compact}). */
    public static String number(long v, boolean compact) {
        if (compact && Math.abs(v) >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        }
        if (compact && Math.abs(v) >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        return String.format(Locale.ROOT, "%,d", v);
    }
}
