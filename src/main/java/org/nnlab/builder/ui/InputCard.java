package org.nnlab.builder.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.tensor.Shape;

/**
 * The top of the stack: what the network takes in, chosen from MNIST images, 2-D points, sequences (when
 * some kind reads them) or typed sizes. Fires {@link InputChosen} with a shape; {@link #show} follows the
 * stack without firing.
 */
final class InputCard extends Div {
    private final Select<InputChoice> select = new Select<>();
    private final TextField custom = new TextField();
    private boolean updating;

    /** One entry of the input chooser; {@code shape} is null for "custom". */
    record InputChoice(String key, Shape shape) {
    }

    /** A person chose or typed an input shape. */
    static final class InputChosen extends ComponentEvent<InputCard> {
        private final Shape shape;

        InputChosen(InputCard source, Shape shape) {
            super(source, true);
            this.shape = shape;
        }

        Shape shape() {
            return shape;
        }
    }

    InputCard() {
        List<InputChoice> choices = new ArrayList<>(List.of(new InputChoice("mnist", Mnist.IMAGE_SHAPE), new InputChoice("points", Shape.of(2))));
        if (LayerKinds.all().stream().anyMatch(k -> "sequence".equals(LayerPalette.group(k)))) {
            choices.add(new InputChoice("sequence", Shape.of(28, 28)));
        }
        choices.add(new InputChoice("custom", null));
        select.setId("build-input");
        select.setLabel(getTranslation("build.input"));
        select.setItems(choices);
        select.setItemLabelGenerator(c -> getTranslation("build.input." + c.key()));
        select.addValueChangeListener(e -> {
            if (updating || e.getValue() == null) {
                return;
            }
            if (e.getValue().shape() != null) {
                fireEvent(new InputChosen(this, e.getValue().shape()));
            } else {
                custom.setVisible(true);
            }
        });
        custom.setId("build-input-custom");
        custom.setLabel(getTranslation("build.input.dims"));
        custom.setPlaceholder("1, 28, 28");
        custom.setMaxLength(200);
        custom.addValueChangeListener(e -> {
            if (!updating) {
                typed(e.getValue());
            }
        });
        Icon icon = new Icon(VaadinIcon.SIGN_IN);
        icon.addClassName("build-input-icon");
        add(icon, select, custom);
        addClassName("build-input-card");
    }

    private void typed(String text) {
        try {
            Shape shape = parse(text);
            custom.setInvalid(false);
            fireEvent(new InputChosen(this, shape));
        } catch (NumberFormatException bad) {
            PropertyEditors.invalid(custom, getTranslation("build.input.bad"));
        } catch (ArithmeticException tooLarge) {
            PropertyEditors.invalid(custom, getTranslation("build.input.tooLarge", Integer.MAX_VALUE));
        }
    }

    Registration addInputChosenListener(ComponentEventListener<InputChosen> listener) {
        return addListener(InputChosen.class, listener);
    }

    /** Shows {@code input} as the stack has it, without firing. */
    void show(Shape input) {
        updating = true;
        try {
            Optional<InputChoice> match = select.getListDataView().getItems().filter(c -> input.equals(c.shape())).findFirst();
            InputChoice other = select.getListDataView().getItems().filter(c -> c.shape() == null).findFirst().orElseThrow();
            select.setValue(match.orElse(other));
            custom.setVisible(match.isEmpty());
            custom.setValue(String.join(", ", Arrays.stream(input.dims()).mapToObj(String::valueOf).toList()));
            custom.setInvalid(false);
        } finally {
            updating = false;
        }
    }

    /**
     * The sizes typed as "1, 28, 28" (or "1×28×28"): whole numbers of at least 1, else a
     * {@link NumberFormatException}; a size over {@link Integer#MAX_VALUE} (such as 1e10) throws an
     * {@link ArithmeticException} rather than being cut down to fit.
     */
    static Shape parse(String text) {
        List<String> parts = Arrays.stream(text.trim().split("[,×x\\s]+")).filter(p -> !p.isBlank()).toList();
        int[] dims = new int[parts.size()];
        for (int i = 0; i < dims.length; i++) {
            BigDecimal d = new BigDecimal(parts.get(i));
            if (d.signum() < 1 || d.stripTrailingZeros().scale() > 0) {
                throw new NumberFormatException(parts.get(i));
            }
            dims[i] = d.intValueExact();
        }
        if (dims.length == 0) {
            throw new NumberFormatException("no size");
        }
        return Shape.of(dims);
    }
}
