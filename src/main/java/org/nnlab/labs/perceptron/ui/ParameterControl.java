package org.nnlab.labs.perceptron.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.function.DoubleConsumer;
import org.nnlab.labs.ui.NnMath;

/**
 * One weight or the bias as a slider and a number field that follow each other; a change by the user
 * goes to the listener; one shown by the page does not. The slider moves in steps of 0.05 within ±3, the field takes any number.
 */
final class ParameterControl extends Div {
    private static final double LIMIT = 3;
    private static final double STEP = 0.05;
    private final DecimalSlider slider = new DecimalSlider(-LIMIT, LIMIT);
    private final NumberField field = new NumberField();
    private boolean showing;

    ParameterControl(String id, String tex, DoubleConsumer listener) {
        addClassName("nnlab-param");
        setId(id);
        Span label = new Span(new NnMath(tex));
        label.addClassName("nnlab-param-label");
        slider.setStep(STEP);
        slider.setId(id + "-slider");
        slider.setAriaLabel(tex);
        field.setId(id + "-field");
        field.setWidth("7em");
        field.setAriaLabel(tex);
        slider.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null) {
                showing = true;
                field.setValue(e.getValue());
                showing = false;
                listener.accept(e.getValue());
            }
        });
        field.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null && Double.isFinite(e.getValue())) {
                showing = true;
                slider.setValue(onSlider(e.getValue()));
                showing = false;
                listener.accept(e.getValue());
            }
        });
        add(label, slider, field);
    }

    /** Shows {@code value} (from learning, not from the user). */
    void show(double value) {
        showing = true;
        field.setValue(Math.round(value * 1e6) / 1e6);
        slider.setValue(onSlider(value));
        showing = false;
    }

    /** Enables or disables both. */
    void setEditable(boolean editable) {
        slider.setEnabled(editable);
        field.setEnabled(editable);
    }

    NumberField field() {
        return field;
    }

    private static double onSlider(double value) {
        double clamped = Math.max(-LIMIT, Math.min(LIMIT, value));
        return Math.round(clamped / STEP) / (1 / STEP);
    }
}
