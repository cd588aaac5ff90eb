package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.labs.convolution.Windows;

/**
 * The integer rule: input, kernel, stride and padding, each per axis, and the formula
 * (W + 2P − F) / S + 1 for height and width with the numbers filled in, green when the engine finds a
 * whole size, red with the engine's own explanation and fixes when not; then the same for a pooling
 * window on the convolution's output. Each axis is asked of the engine on its own, so both are shown.
 */
final class Sizes extends Div {
    private final IntegerField inH = field("conv-in-h", "labs.convolution.size.inH", 28, 1);
    private final IntegerField inW = field("conv-in-w", "labs.convolution.size.inW", 28, 1);
    private final IntegerField kH = field("conv-kernel-h", "labs.convolution.size.kH", 5, 1);
    private final IntegerField kW = field("conv-kernel-w", "labs.convolution.size.kW", 5, 1);
    private final IntegerField sH = field("conv-stride-h", "labs.convolution.size.sH", 1, 1);
    private final IntegerField sW = field("conv-stride-w", "labs.convolution.size.sW", 1, 1);
    private final IntegerField pH = field("conv-pad-h", "labs.convolution.size.pH", 0, 0);
    private final IntegerField pW = field("conv-pad-w", "labs.convolution.size.pW", 0, 0);
    private final IntegerField poolH = field("conv-pool-h", "labs.convolution.size.poolH", 2, 1);
    private final IntegerField poolW = field("conv-pool-w", "labs.convolution.size.poolW", 2, 1);
    private final IntegerField poolSH = field("conv-pool-stride-h", "labs.convolution.size.poolSH", 2, 1);
    private final IntegerField poolSW = field("conv-pool-stride-w", "labs.convolution.size.poolSW", 2, 1);
    private final Div formula = new Div();
    private final Paragraph error = new Paragraph();
    private final Div poolFormula = new Div();
    private final Paragraph poolError = new Paragraph();
    private final Runnable onRed;

    Sizes(Runnable onRed) {
        this.onRed = onRed;
        formula.setId("conv-size-formula");
        formula.addClassName("nnlab-conv-formula");
        error.setId("conv-size-error");
        poolFormula.setId("conv-pool-size-formula");
        poolFormula.addClassName("nnlab-conv-formula");
        poolError.setId("conv-pool-size-error");
        for (IntegerField f : List.of(inH, inW, kH, kW, sH, sW, pH, pW, poolH, poolW, poolSH, poolSW)) {
            f.addValueChangeListener(e -> update());
        }
        Div conv = new Div(inH, inW, kH, kW, sH, sW, pH, pW);
        conv.addClassName("nnlab-conv-fields");
        Div pool = new Div(poolH, poolW, poolSH, poolSW);
        pool.addClassName("nnlab-conv-fields");
        add(conv, formula, error, pool, poolFormula, poolError);
        update();
    }

    private IntegerField field(String id, String labelKey, int value, int min) {
        IntegerField f = new IntegerField(getTranslation(labelKey));
        f.setId(id);
        f.setValue(value);
        f.setMin(min);
        f.setMax(512);
        f.setStepButtonsVisible(true);
        f.setWidth("8.5em");
        return f;
    }

    private static int value(IntegerField f) {
        return f.getValue() == null ? f.getMin() : Math.max(f.getMin(), Math.min(f.getMax(), f.getValue()));
    }

    private void update() {
        int[] out = show(formula, error, true,
                () -> Windows.convolution(value(inH), 1, Size2.of(value(kH), 1), Size2.of(value(sH), 1), Size2.of(value(pH), 0)),
                () -> Windows.convolution(1, value(inW), Size2.of(1, value(kW)), Size2.of(1, value(sW)), Size2.of(0, value(pW))),
                value(inH), value(pH), value(kH), value(sH), value(inW), value(pW), value(kW), value(sW));
        if (out == null) {
            poolFormula.setText(getTranslation("labs.convolution.size.poolWaits"));
            poolFormula.setClassName("ok", false);
            poolFormula.setClassName("bad", false);
            poolError.setText("");
            return;
        }
        show(poolFormula, poolError, false,
                () -> Windows.pooling(out[0], 1, Size2.of(value(poolH), 1), Size2.of(value(poolSH), 1)),
                () -> Windows.pooling(1, out[1], Size2.of(1, value(poolW)), Size2.of(1, value(poolSW))),
                out[0], 0, value(poolH), value(poolSH), out[1], 0, value(poolW), value(poolSW));
    }

    /** Shows both axes' formulas; returns the output height and width, or null when one is not whole. */
    private int[] show(Div target, Paragraph why, boolean padded, Supplier<WindowGeometry> height,
                       Supplier<WindowGeometry> width, int h, int ph, int kh, int sh, int w, int pw, int kw, int sw) {
        List<String> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int[] out = new int[2];
        boolean whole = true;
        for (int axis = 0; axis < 2; axis++) {
            String numbers = padded
                    ? axis == 0 ? "(" + h + " + 2·" + ph + " − " + kh + ") / " + sh + " + 1"
                    : "(" + w + " + 2·" + pw + " − " + kw + ") / " + sw + " + 1"
                    : axis == 0 ? "(" + h + " − " + kh + ") / " + sh + " + 1" : "(" + w + " − " + kw + ") / " + sw + " + 1";
            String name = getTranslation("labs.convolution.size.axis." + axis);
            try {
                WindowGeometry g = axis == 0 ? height.get() : width.get();
                out[axis] = axis == 0 ? g.outHeight() : g.outWidth();
                lines.add(name + ": " + numbers + " = " + out[axis] + " ✓");
            } catch (SpecException e) {
                whole = false;
                lines.add(name + ": " + numbers + " ✗");
                errors.add(EngineMessages.localize(e, getLocale()));
            }
        }
        target.setText(String.join("   ", lines));
        target.setClassName("ok", whole);
        target.setClassName("bad", !whole);
        why.setText(String.join(" ", errors));
        if (!whole) {
            onRed.run();
        }
        return whole ? out : null;
    }
}
