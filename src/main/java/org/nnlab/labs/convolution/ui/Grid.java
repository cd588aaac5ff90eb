package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * A small grid of numbers (an image, a kernel or a feature map), each cell shaded by its value and
 * with the id {@code <prefix>-R-C}. Grey images shade from white (0) to black (1); maps shade positive
 * values blue and negative ones red, relative to the largest magnitude shown.
 */
final class Grid extends Div {
    private final String prefix;
    private final boolean grey;
    private final IntConsumer onClick;
    private final List<Span> cells = new ArrayList<>();
    private int columns;

    Grid(String prefix, boolean grey, IntConsumer onClick) {
        this.prefix = prefix;
        this.grey = grey;
        this.onClick = onClick;
        addClassName("nnlab-conv-grid");
        if (onClick != null) {
            addClassName("clickable");
        }
    }

    /** Shows {@code values}, {@code rows × cols} row by row (rebuilt when the size changes). */
    void show(int rows, int cols, float[] values) {
        if (cells.size() != rows * cols || columns != cols) {
            removeAll();
            cells.clear();
            columns = cols;
            getStyle().set("grid-template-columns", "repeat(" + cols + ", var(--nnlab-conv-cell))");
            for (int i = 0; i < rows * cols; i++) {
                Span cell = new Span();
                cell.setId(prefix + "-" + (i / cols) + "-" + (i % cols));
                cell.addClassName("nnlab-conv-cell");
                int index = i;
                if (onClick != null) {
                    cell.addClickListener(e -> onClick.accept(index));
                }
                cells.add(cell);
                add(cell);
            }
        }
        float scale = 0;
        for (float v : values) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < values.length; i++) {
            Span cell = cells.get(i);
            cell.setText(number(values[i]));
            double shade = grey ? values[i] : scale == 0 ? 0 : Math.abs(values[i]) / scale;
            String base = grey ? "0, 0, 0" : values[i] >= 0 ? "33, 110, 220" : "220, 60, 50";
            cell.getStyle().set("background", String.format(Locale.ROOT, "rgba(%s, %.2f)", base, 0.08 + 0.6 * shade));
            cell.getStyle().set("color", grey && values[i] > 0.6 ? "white" : "inherit");
        }
    }

    /** Puts {@code className} on the cells {@code marked} accepts, and takes it off the others. */
    void mark(String className, IntPredicate marked) {
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).setClassName(className, marked.test(i));
        }
    }

    int columns() {
        return columns;
    }

    /** A value as the lab writes it: up to three decimals, no trailing zeros, a true minus sign. */
    static String number(double v) {
        if (Math.abs(v) < 5e-4) {
            return "0";
        }
        String text = String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return text.replace('-', '−');
    }
}
