package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import org.nnlab.digits.GrayPng;
import org.nnlab.labs.convolution.ShippedCnn.Filter;

/**
 * The kernel slid over your digit: 3×3 or 5×5, typed cell by cell, filled from a preset (edges, blur,
 * sharpen) or taken from the shipped CNN's first layer (its trained weights and bias, shown as small
 * pictures). Every change is handed on at once.
 */
final class KernelEditor extends Div {
    static final String[] PRESETS = {"vertical", "horizontal", "blur", "sharpen"};
    private static final int MAX = 5;

    private final Runnable changed;
    private final RadioButtonGroup<Integer> size = new RadioButtonGroup<>();
    private final RadioButtonGroup<Integer> preset = new RadioButtonGroup<>();
    private final NumberField[] cells = new NumberField[MAX * MAX];
    private final NumberField bias = new NumberField();
    private final Div grid = new Div();
    private final Span source = new Span();
    private boolean filling;

    KernelEditor(List<Filter> shipped, Runnable changed) {
        this.changed = changed;
        addClassName("nnlab-conv-kernel-box");
        size.setId("conv-own-size");
        size.setLabel(getTranslation("labs.convolution.own.size"));
        size.setItems(3, 5);
        size.setItemLabelGenerator(n -> n + " × " + n);
        size.setValue(3);
        size.addValueChangeListener(e -> {
            if (!filling && e.getValue() != null) {
                int which = preset.getValue() == null ? 0 : preset.getValue();
                filling = true;
                preset.setValue(which);
                filling = false;
                fill(e.getValue(), preset(which, e.getValue()), 0,
                        getTranslation("labs.convolution.own.kernel." + PRESETS[which]));
            }
        });
        preset.setId("conv-own-kernel");
        preset.setLabel(getTranslation("labs.convolution.own.kernel"));
        preset.setItems(0, 1, 2, 3);
        preset.setItemLabelGenerator(k -> getTranslation("labs.convolution.own.kernel." + PRESETS[k]));
        preset.addValueChangeListener(e -> {
            if (!filling && e.getValue() != null) {
                fill(size.getValue(), preset(e.getValue(), size.getValue()), 0,
                        getTranslation("labs.convolution.own.kernel." + PRESETS[e.getValue()]));
            }
        });
        grid.addClassName("nnlab-conv-kernel-cells");
        for (int i = 0; i < cells.length; i++) {
            NumberField cell = new NumberField();
            cell.setId("conv-kernel-" + i / MAX + "-" + i % MAX);
            cell.setAriaLabel(getTranslation("labs.convolution.own.cell", i / MAX + 1, i % MAX + 1));
            cell.addValueChangeListener(e -> typed());
            cells[i] = cell;
            grid.add(cell);
        }
        bias.setId("conv-kernel-bias");
        bias.setLabel(getTranslation("labs.convolution.bias"));
        bias.addValueChangeListener(e -> typed());
        source.setId("conv-kernel-source");
        source.addClassName("nnlab-conv-caption");
        add(size, preset, filters(shipped), grid, bias, source);
        preset.setValue(0);
    }

    /** The shipped CNN's first-layer filters as pictures; a click puts one into the editor. */
    private Div filters(List<Filter> shipped) {
        Div row = new Div();
        row.setId("conv-filters");
        row.addClassName("nnlab-conv-filters");
        if (shipped.isEmpty()) {
            return row;
        }
        row.add(new Span(getTranslation("labs.convolution.own.filters")));
        for (int f = 0; f < shipped.size(); f++) {
            Filter filter = shipped.get(f);
            Image picture = picture(filter);
            Button pick = new Button(picture);
            pick.setId("conv-filter-" + f);
            pick.addThemeVariants(ButtonVariant.TERTIARY);
            pick.setAriaLabel(getTranslation("labs.convolution.own.filter", f + 1));
            pick.setTooltipText(getTranslation("labs.convolution.own.filter", f + 1));
            int number = f + 1;
            pick.addClickListener(e -> {
                filling = true;
                preset.clear();
                size.setValue(filter.height());
                filling = false;
                fill(filter.height(), filter.weights(), filter.bias(), getTranslation("labs.convolution.own.filter", number));
            });
            row.add(pick);
        }
        return row;
    }

    /** A filter's weights as a small picture, negative dark, positive light, zero mid-grey. */
    static Image picture(Filter filter) {
        float scale = 1e-6f;
        for (float w : filter.weights()) {
            scale = Math.max(scale, Math.abs(w));
        }
        Image picture = new Image(GrayPng.dataUrl(filter.weights(), 0, filter.width(), filter.height(), -scale, scale), "");
        picture.addClassName("nnlab-conv-filter");
        return picture;
    }

    private void fill(int n, float[] weights, float b, String from) {
        filling = true;
        for (int i = 0; i < cells.length; i++) {
            int r = i / MAX;
            int c = i % MAX;
            boolean used = r < n && c < n;
            cells[i].setVisible(used);
            cells[i].setValue(used ? (double) weights[r * n + c] : null);
        }
        bias.setValue((double) b);
        grid.getStyle().set("--nnlab-conv-kernel-n", Integer.toString(n));
        source.setText(from);
        filling = false;
        changed.run();
    }

    private void typed() {
        if (filling) {
            return;
        }
        filling = true;
        preset.clear();
        filling = false;
        source.setText(getTranslation("labs.convolution.own.typed"));
        changed.run();
    }

    /** The side of the kernel (3 or 5). */
    int side() {
        return size.getValue() == null ? 3 : size.getValue();
    }

    /** The kernel's weights row by row ({@code side()²}); an empty cell counts as 0. */
    float[] weights() {
        int n = side();
        float[] k = new float[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                Double v = cells[r * MAX + c].getValue();
                k[r * n + c] = v == null ? 0 : v.floatValue();
            }
        }
        return k;
    }

    float bias() {
        return bias.getValue() == null ? 0 : bias.getValue().floatValue();
    }

    /** Preset {@code which} at side {@code n}: Sobel-like edges, a box blur or a sharpening kernel. */
    static float[] preset(int which, int n) {
        float[] k = new float[n * n];
        int mid = n / 2;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                float across = Math.signum(c - mid) * (Math.abs(c - mid) == 1 ? 2 : 1);
                float down = Math.signum(r - mid) * (Math.abs(r - mid) == 1 ? 2 : 1);
                float weightRow = r == mid ? 2 : 1;
                float weightCol = c == mid ? 2 : 1;
                k[r * n + c] = switch (which) {
                    case 0 -> n == 3 ? Math.signum(c - mid) * weightRow : across * weightRow;
                    case 1 -> n == 3 ? Math.signum(r - mid) * weightCol : down * weightCol;
                    case 2 -> 1f / (n * n);
                    default -> r == mid && c == mid ? (n == 3 ? 5 : 9)
                            : (n == 3 ? (r == mid || c == mid ? -1 : 0) : (Math.abs(r - mid) <= 1 && Math.abs(c - mid) <= 1 ? -1 : 0));
                };
            }
        }
        return k;
    }
}
