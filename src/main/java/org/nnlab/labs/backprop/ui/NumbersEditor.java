package org.nnlab.labs.backprop.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.nnlab.engine.backprop.WorkedExample;

/**
 * Every number of the worked example as a field (id {@code backprop-edit-<name>}): inputs, targets,
 * w1…w8, the two biases and η. A change by the user builds a new {@link WorkedExample} for the listener.
 */
final class NumbersEditor extends Details {
    private static final String[] NAMES = {"i1", "i2", "t1", "t2", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2", "eta"};
    private final Map<String, NumberField> fields = new LinkedHashMap<>();
    private boolean showing;

    NumbersEditor(Consumer<WorkedExample> listener) {
        setId("backprop-edit");
        setSummaryText(getTranslation("labs.backprop.edit"));
        addClassName("nnlab-backprop-edit");
        Div grid = new Div();
        grid.addClassName("nnlab-backprop-fields");
        for (String name : NAMES) {
            NumberField field = new NumberField(name.equals("eta") ? "η" : name);
            field.setId("backprop-edit-" + name);
            field.addValueChangeListener(e -> {
                if (!showing && e.getValue() != null && Double.isFinite(e.getValue())) {
                    listener.accept(example());
                }
            });
            fields.put(name, field);
            grid.add(field);
        }
        add(grid);
    }

    void show(WorkedExample ex) {
        showing = true;
        set("i1", ex.inputs()[0]);
        set("i2", ex.inputs()[1]);
        set("t1", ex.targets()[0]);
        set("t2", ex.targets()[1]);
        for (int k = 0; k < 4; k++) {
            set("w" + (k + 1), ex.hiddenWeights()[k / 2][k % 2]);
            set("w" + (k + 5), ex.outputWeights()[k / 2][k % 2]);
        }
        set("b1", ex.hiddenBias()[0]);
        set("b2", ex.outputBias()[0]);
        set("eta", ex.learningRate());
        showing = false;
    }

    /** The example the fields describe (both neurons of a layer share that layer's bias, as in the notes). */
    WorkedExample example() {
        double b1 = get("b1");
        double b2 = get("b2");
        double eta = get("eta");
        return new WorkedExample(new double[] {get("i1"), get("i2")}, new double[] {get("t1"), get("t2")},
                new double[][] {{get("w1"), get("w2")}, {get("w3"), get("w4")}}, new double[] {b1, b1},
                new double[][] {{get("w5"), get("w6")}, {get("w7"), get("w8")}}, new double[] {b2, b2},
                eta > 0 ? eta : 0.5);
    }

    private void set(String name, double value) {
        fields.get(name).setValue(value);
    }

    private double get(String name) {
        Double v = fields.get(name).getValue();
        return v == null || !Double.isFinite(v) ? 0 : v;
    }
}
