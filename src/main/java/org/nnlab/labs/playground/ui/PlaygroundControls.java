package org.nnlab.labs.playground.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nnlab.engine.data.toy.ToyDataset;
import org.nnlab.engine.data.toy.ToyFeature;
import org.nnlab.engine.optim.Regularization;
import org.nnlab.labs.playground.PlaygroundSettings;
import org.nnlab.labs.playground.PlaygroundSettings.Activation;

/**
 * Every setting of the playground as a field: data (set, noise, train share, seed), network (features, hidden
 * layers and their neurons, activation) and training (learning rate, regularisation and its rate, batch size).
 * A change made by the person is reported as complete new settings; {@link #show} sets the fields without reporting.
 */
class PlaygroundControls extends Div {
    static final String OWN = "own";
    private static final List<Double> RATES = List.of(0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0);
    private static final List<Double> REG_RATES = List.of(0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0);

    final Select<String> dataset = new Select<>();
    final IntegerField noise = integer("noise", 0, 50, 5);
    final IntegerField trainShare = integer("train", 10, 90, 10);
    final IntegerField seed = integer("seed", 0, Integer.MAX_VALUE, 1);
    final CheckboxGroup<ToyFeature> features = new CheckboxGroup<>();
    final IntegerField layers = integer("layers", 0, PlaygroundSettings.MAX_HIDDEN_LAYERS, 1);
    final List<IntegerField> neurons = new ArrayList<>();
    final Select<Activation> activation = new Select<>();
    final Select<Double> learningRate = new Select<>();
    final Select<Regularization> regularization = new Select<>();
    final Select<Double> regularizationRate = new Select<>();
    final IntegerField batch = integer("batch", 1, PlaygroundSettings.MAX_BATCH, 1);
    private final Div neuronRow = new Div();
    private final Consumer<PlaygroundSettings> changes;
    private PlaygroundSettings current;
    /** True while {@link #show} fills the fields, so that their change events are not reported. */
    private boolean showing;

    PlaygroundControls(PlaygroundSettings settings, Consumer<PlaygroundSettings> changes) {
        this.changes = changes;
        addClassName("nnlab-playground-controls");
        dataset.setId("playground-data");
        dataset.setLabel(getTranslation("labs.playground.data"));
        dataset.setItems("xor", "circle", "gauss", "spiral", OWN);
        dataset.setItemLabelGenerator(k -> getTranslation("labs.playground.data." + k));
        features.setId("playground-features");
        features.setLabel(getTranslation("labs.playground.features"));
        features.setItems(ToyFeature.values());
        features.setItemLabelGenerator(PlaygroundControls::featureName);
        activation.setId("playground-activation");
        activation.setLabel(getTranslation("labs.playground.activation"));
        activation.setItems(Activation.values());
        activation.setItemLabelGenerator(a -> getTranslation("labs.playground.activation." + a.name().toLowerCase(Locale.ROOT)));
        learningRate.setId("playground-lr");
        learningRate.setLabel(getTranslation("labs.playground.lr"));
        regularization.setId("playground-reg");
        regularization.setLabel(getTranslation("labs.playground.reg"));
        regularization.setItems(Regularization.values());
        regularization.setItemLabelGenerator(r -> getTranslation("labs.playground.reg." + r.name().toLowerCase(Locale.ROOT)));
        regularizationRate.setId("playground-reg-rate");
        regularizationRate.setLabel(getTranslation("labs.playground.regRate"));
        neuronRow.addClassName("nnlab-playground-neurons");
        add(group("labs.playground.group.data", dataset, noise, trainShare, seed),
                group("labs.playground.group.network", features, layers, neuronRow, activation),
                group("labs.playground.group.training", learningRate, regularization, regularizationRate, batch));
        show(settings);
        for (HasValue<?, ?> field : List.of(dataset, noise, trainShare, seed, features, layers, activation, learningRate,
                regularization, regularizationRate, batch)) {
            field.addValueChangeListener(e -> report());
        }
    }

    /** The short mathematical name of a feature, e.g. x1², sin(x1). */
    static String featureName(ToyFeature f) {
        return switch (f) {
            case X1 -> "x1";
            case X2 -> "x2";
            case X1_SQUARED -> "x1²";
            case X2_SQUARED -> "x2²";
            case X1_TIMES_X2 -> "x1·x2";
            case SIN_X1 -> "sin(x1)";
            case SIN_X2 -> "sin(x2)";
        };
    }

    private Div group(String titleKey, com.vaadin.flow.component.Component... fields) {
        Span title = new Span(getTranslation(titleKey));
        title.addClassName("nnlab-playground-group-title");
        Div group = new Div(title);
        group.add(fields);
        group.addClassName("nnlab-playground-group");
        return group;
    }

    private IntegerField integer(String key, int min, int max, int step) {
        IntegerField field = new IntegerField(getTranslation("labs.playground." + key));
        field.setId("playground-" + key);
        field.setMin(min);
        field.setMax(max);
        field.setStep(step);
        field.setStepButtonsVisible(true);
        return field;
    }

    /** Shows {@code s} in the fields without reporting a change. */
    void show(PlaygroundSettings s) {
        boolean outer = !showing;
        showing = true;
        try {
            fill(s);
        } finally {
            showing = !outer;
        }
    }

    private void fill(PlaygroundSettings s) {
        current = s;
        dataset.setValue(s.dataset() == null ? OWN : datasetKey(s.dataset()));
        noise.setValue(s.noisePercent());
        trainShare.setValue(s.trainPercent());
        seed.setValue((int) Math.min(Integer.MAX_VALUE, Math.max(0, s.seed())));
        features.setValue(new java.util.LinkedHashSet<>(s.features()));
        layers.setValue(s.hidden().size());
        showNeurons(s.hidden());
        activation.setValue(s.activation());
        learningRate.setItems(withValue(RATES, s.learningRate()));
        learningRate.setValue(s.learningRate());
        regularization.setValue(s.regularization());
        regularizationRate.setItems(withValue(REG_RATES, s.regularizationRate()));
        regularizationRate.setValue(s.regularizationRate());
        batch.setValue(s.batchSize());
    }

    static String datasetKey(ToyDataset d) {
        return d == ToyDataset.GAUSSIANS ? "gauss" : d.name().toLowerCase(Locale.ROOT);
    }

    private static List<Double> withValue(List<Double> values, double value) {
        if (values.contains(value)) {
            return values;
        }
        List<Double> out = new ArrayList<>(values);
        out.add(value);
        out.sort(Double::compare);
        return out;
    }

    private void showNeurons(List<Integer> hidden) {
        neuronRow.removeAll();
        neurons.clear();
        for (int i = 0; i < hidden.size(); i++) {
            IntegerField n = integer("neurons", 1, PlaygroundSettings.MAX_NEURONS, 1);
            n.setId("playground-neurons-" + (i + 1));
            n.setLabel(getTranslation("labs.playground.neurons", i + 1));
            n.setValue(hidden.get(i));
            n.addValueChangeListener(e -> report());
            neurons.add(n);
            neuronRow.add(n);
        }
    }

    /** Reads the fields into settings (values out of range are held to it) and reports them. */
    private void report() {
        if (showing) {
            return;
        }
        PlaygroundSettings s = current;
        String data = dataset.getValue();
        PlaygroundSettings next = OWN.equals(data) ? s.withOwnPoints(s.ownPoints())
                : s.withDataset(Arrays.stream(ToyDataset.values()).filter(d -> datasetKey(d).equals(data)).findFirst()
                        .orElse(ToyDataset.CIRCLE));
        next = next.withData(bounded(noise, 0, 50, s.noisePercent()), bounded(trainShare, 10, 90, s.trainPercent()),
                bounded(seed, 0, Integer.MAX_VALUE, (int) s.seed()));
        List<ToyFeature> chosen = Arrays.stream(ToyFeature.values()).filter(features.getValue()::contains).toList();
        int layerCount = bounded(layers, 0, PlaygroundSettings.MAX_HIDDEN_LAYERS, s.hidden().size());
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            hidden.add(i < neurons.size() ? bounded(neurons.get(i), 1, PlaygroundSettings.MAX_NEURONS, 4) : 4);
        }
        next = next.withNetwork(chosen.isEmpty() ? s.features() : chosen, hidden,
                activation.getValue() == null ? s.activation() : activation.getValue());
        next = next.withTraining(orElse(learningRate.getValue(), s.learningRate()),
                regularization.getValue() == null ? s.regularization() : regularization.getValue(),
                orElse(regularizationRate.getValue(), s.regularizationRate()),
                bounded(batch, 1, PlaygroundSettings.MAX_BATCH, s.batchSize()));
        show(next);
        changes.accept(next);
    }

    private static double orElse(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static int bounded(AbstractField<?, Integer> field, int min, int max, int fallback) {
        Integer v = field.getValue();
        return v == null ? fallback : Math.max(min, Math.min(max, v));
    }
}
