package org.nnlab.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Locale;
import org.nnlab.builder.DiagramSvg;
import org.nnlab.engine.data.toy.ToyDataset;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.training.DataCatalog;
import org.nnlab.training.DataCatalog.InputKind;
import org.nnlab.training.DataChoice;
import org.nnlab.training.TextLimits;
import org.nnlab.training.ToyData;

/**
 * The data part of the form: only the data sets that fit the chosen network's input are offered, a
 * fitting one is picked, and the settings of the chosen one are shown (noise, points and seed of the toy
 * sets, the pasted text). {@link #value()} is the choice with those settings.
 */
class DataPicker {
    private final int drawings;
    private final TextLimits textLimits;
    final Select<DataChoice> dataset = new Select<>();
    final Span hint = new Span();
    final NumberField noise = new NumberField();
    final IntegerField points = new IntegerField();
    final IntegerField seed = new IntegerField();
    final TextArea ownText = new TextArea();
    private InputKind kind = InputKind.NONE;
    /** Other digit image sets offered (a workshop room's class drawings). */
    private List<DataChoice> moreImages = List.of();
    private Component fittedFor;
    private ModelSpec fittedSpec;
    private Runnable onChange = () -> { };

    DataPicker(Component owner, int drawings, TextLimits textLimits) {
        this.drawings = drawings;
        this.textLimits = textLimits;
        dataset.setId("dataset-size");
        dataset.setLabel(owner.getTranslation("train.dataset"));
        dataset.setItemLabelGenerator(c -> label(owner, c));
        dataset.setWidth("18em");
        dataset.setMaxWidth("100%");
        hint.setId("drawings-hint");
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        noise.setId("data-noise");
        noise.setLabel(owner.getTranslation("train.data.noise"));
        noise.setMin(0);
        noise.setMax(ToyDataset.MAX_NOISE);
        noise.setValue(DataCatalog.TOY_NOISE);
        noise.setWidth("7em");
        points.setId("data-points");
        points.setLabel(owner.getTranslation("train.data.points"));
        points.setMin(4);
        points.setMax(ToyData.MAX_SIZE);
        points.setValue(ToyData.DEFAULT_SIZE);
        points.setWidth("7em");
        seed.setId("data-seed");
        seed.setLabel(owner.getTranslation("train.data.seed"));
        seed.setValue(1);
        seed.setWidth("7em");
        ownText.setId("own-text");
        ownText.setLabel(owner.getTranslation("train.data.ownText"));
        ownText.setMaxLength(textLimits.maxChars() * 2);
        ownText.setWidthFull();
        ownText.setMaxHeight("12em");
        dataset.addValueChangeListener(e -> {
            showFields(owner);
            onChange.run();
        });
        noise.addValueChangeListener(e -> onChange.run());
        points.addValueChangeListener(e -> onChange.run());
        seed.addValueChangeListener(e -> onChange.run());
        showFields(owner);
    }

    /** The components to lay out: the picker, then the settings of the chosen data set. */
    List<Component> fields() {
        return List.of(dataset, noise, points, seed);
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Offers {@code sets} of digit images too, where the network fits them. */
    void offer(List<DataChoice> sets) {
        moreImages = List.copyOf(sets);
        if (fittedFor != null) {
            fit(fittedFor, fittedSpec);
        }
    }

    /** Offers the data sets that fit {@code spec}, keeping the current one when it still fits. */
    void fit(Component owner, ModelSpec spec) {
        fittedFor = owner;
        fittedSpec = spec;
        DataChoice before = dataset.getValue();
        kind = spec == null ? InputKind.NONE : DataCatalog.kindOf(spec);
        List<DataChoice> choices = spec == null ? List.of() : DataCatalog.fitting(spec, drawings, 1, moreImages);
        dataset.setItems(choices);
        dataset.setEnabled(!choices.isEmpty());
        if (!choices.isEmpty()) {
            dataset.setValue(choices.stream().filter(c -> c.equals(before)).findFirst()
                    .orElse(choices.stream().filter(c -> c.sameDataset(before)).findFirst().orElse(choices.getFirst())));
        }
        showFields(owner);
        if (spec != null && choices.isEmpty()) {
            hint.setText(owner.getTranslation("train.data.none", DiagramSvg.shape(spec.input())));
            hint.setVisible(true);
        }
    }

    private void showFields(Component owner) {
        DataChoice c = dataset.getValue();
        String name = c == null ? "" : c.dataset();
        boolean toy = name.startsWith(DataChoice.TOY);
        // a truth table is the same rows every time: no noise, no seed to draw it with
        boolean generated = toy || name.startsWith(DataChoice.TEXT);
        noise.setVisible(toy);
        points.setVisible(toy || name.startsWith(DataChoice.GATE));
        seed.setVisible(generated);
        ownText.setVisible(DataChoice.OWN_TEXT.equals(name));
        if (c != null && DataChoice.OWN_TEXT.equals(name)) {
            ownText.setHelperText(owner.getTranslation("train.data.ownTextHelp", textLimits.minChars(),
                    textLimits.maxChars(), c.options().classes(), String.valueOf(org.nnlab.training.TextCorpora.OTHER)));
        }
        showHint(owner, c);
    }

    private void showHint(Component owner, DataChoice c) {
        boolean images = kind == InputKind.IMAGE || kind == InputKind.FLAT;
        if (c != null && c.dataset().startsWith(DataChoice.GATE)) {
            hint.setText(owner.getTranslation("train.data.gateNote"));
            hint.setVisible(true);
        } else if (images && c != null && c.dataset().startsWith(DataChoice.CLASS)) {
            hint.setText(owner.getTranslation("train.dataset.classNote"));
            hint.setVisible(true);
        } else if (images && drawings < DataChoice.MIN_DRAWINGS) {
            hint.setText(owner.getTranslation("train.dataset.drawingsHint", drawings, DataChoice.MIN_DRAWINGS));
            hint.setVisible(true);
        } else if (images && c != null && c.isDrawings()) {
            hint.setText(owner.getTranslation("train.dataset.drawingsNote", drawings));
            hint.setVisible(true);
        } else {
            hint.setVisible(false);
        }
    }

    /** The chosen data set with its settings, or null when none fits. */
    DataChoice value() {
        DataChoice c = dataset.getValue();
        if (c == null) {
            return null;
        }
        String name = c.dataset();
        long dataSeed = seed.getValue() == null ? 0 : seed.getValue();
        if (name.startsWith(DataChoice.TOY) || name.startsWith(DataChoice.GATE)) {
            int n = points.getValue() == null ? 0 : points.getValue();
            double blur = noise.getValue() == null ? 0 : noise.getValue();
            return c.withSize(n).withOptions(c.options().withNoise(blur).withSeed(dataSeed));
        }
        if (name.startsWith(DataChoice.TEXT)) {
            return c.withOptions(c.options().withSeed(dataSeed).withText(
                    DataChoice.OWN_TEXT.equals(name) ? ownText.getValue() : ""));
        }
        return c;
    }

    /** The choice with its settings, for the preview: what the network will get. */
    String details(Component owner, DataChoice c) {
        String name = c.dataset();
        if (name.startsWith(DataChoice.GATE)) {
            return owner.getTranslation("train.data.gateDetails", label(owner, c), c.size());
        }
        if (name.startsWith(DataChoice.TOY)) {
            return owner.getTranslation("train.data.toyDetails", label(owner, c), c.size(),
                    String.format(Locale.ROOT, "%.2f", c.options().noise()), c.options().seed());
        }
        if (name.startsWith(DataChoice.TEXT)) {
            return owner.getTranslation("train.data.textDetails", label(owner, c), c.size(), c.options().steps());
        }
        return label(owner, c);
    }

    /** How a data choice reads in the picker, the preview and messages. */
    String label(Component owner, DataChoice c) {
        String name = c.dataset();
        if (name.startsWith(DataChoice.TOY) || name.startsWith(DataChoice.GATE) || name.startsWith(DataChoice.TEXT)) {
            return owner.getTranslation("train.data." + name);
        }
        String base = c.isDrawings() ? owner.getTranslation("train.dataset.drawings", drawings)
                : name.startsWith(DataChoice.CLASS) ? owner.getTranslation("train.dataset.class")
                : c.size() == 0 ? owner.getTranslation("train.dataset.full")
                : owner.getTranslation("train.dataset.subset", String.format(Locale.ROOT, "%,d", c.size()));
        return switch (kind) {
            case ROWS -> owner.getTranslation("train.data.rows", base);
            case FLAT -> owner.getTranslation("train.data.flat", base);
            default -> base;
        };
    }
}
