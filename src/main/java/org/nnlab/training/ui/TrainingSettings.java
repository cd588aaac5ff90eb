package org.nnlab.training.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Presets.Offer;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.training.DataCatalog;
import org.nnlab.training.DataChoice;
import org.nnlab.training.TextLimits;
import org.nnlab.training.TrainingRequest;

/**
 * What to train and how: network, data, optimizer and its settings, with a preview of the network and
 * its data. The Start button fires a {@link StartEvent} carrying the request; settings that do not make
 * a request are refused in the user's language.
 */
class TrainingSettings extends VerticalLayout {
    static final String CUSTOM = "custom";

    final Select<String> network = new Select<>();
    final DataPicker data;
    final Select<DataChoice> dataset;
    final Span drawingsHint;
    final Select<OptimizerKind> optimizer = new Select<>();
    final NumberField learningRate = new NumberField();
    final IntegerField batchSize = new IntegerField();
    final IntegerField epochs = new IntegerField();
    final IntegerField seed = new IntegerField();
    final NumberField weightDecay = new NumberField();
    final Checkbox augment = new Checkbox();
    final Button start = new Button();
    final NetworkPreview preview = new NetworkPreview();
    final PretrainChoice pretrain;
    private ModelSpec customSpec;

    /**
     * @param drawings     how many labelled drawings the owner has (they are offered as data from
     *                     {@link DataChoice#MIN_DRAWINGS} on)
     * @param maxBatchSize the largest batch size the server takes
     * @param maxEpochs    the most epochs the server takes
     */
    TrainingSettings(int drawings, int maxBatchSize, int maxEpochs) {
        this(drawings, maxBatchSize, maxEpochs, new TextLimits(200, 20_000));
    }

    /** @param textLimits how long a pasted text may be */
    TrainingSettings(int drawings, int maxBatchSize, int maxEpochs, TextLimits textLimits) {
        this.pretrain = new PretrainChoice(maxEpochs);
        data = new DataPicker(this, drawings, textLimits);
        dataset = data.dataset;
        drawingsHint = data.hint;
        setPadding(false);
        setSpacing(false);
        createNetworkAndData();
        createOptimizer(maxBatchSize, maxEpochs);
        start.setId("start");
        start.setText(getTranslation("train.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> fireEvent(new StartEvent(this, request())));
        network.setValue(Presets.LENET.name());

        FlexLayout fields = new FlexLayout(network);
        data.fields().forEach(fields::add);
        fields.add(optimizer, learningRate, batchSize, epochs, seed, weightDecay, augment);
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("gap", "var(--lumo-space-m)");
        add(fields, pretrain, data.ownText, drawingsHint, preview);
    }

    private void createNetworkAndData() {
        network.setId("network");
        network.setLabel(getTranslation("train.network"));
        network.setItems(networkNames());
        network.setItemLabelGenerator(n -> getTranslation(Offer.TRAIN_PAGE.labelKey(n)));
        network.addValueChangeListener(e -> {
            applyNetworkDefaults(e.getValue());
            data.fit(this, spec());
            showPreview();
        });

        data.onChange(this::showPreview);
    }

    private void createOptimizer(int maxBatchSize, int maxEpochs) {
        optimizer.setId("optimizer");
        optimizer.setLabel(getTranslation("train.optimizer"));
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(k -> switch (k) {
            case SGD -> "SGD";
            case ADAM -> "Adam";
            case RMSPROP -> "RMSprop";
        });
        learningRate.setId("learning-rate");
        learningRate.setLabel(getTranslation("train.learningRate"));
        learningRate.setStep(0.0001);
        learningRate.setMin(0);
        batchSize.setId("batch-size");
        batchSize.setLabel(getTranslation("train.batchSize"));
        batchSize.setMin(1);
        batchSize.setMax(maxBatchSize);
        epochs.setId("epochs");
        epochs.setLabel(getTranslation("train.epochs"));
        epochs.setMin(1);
        epochs.setMax(maxEpochs);
        epochs.setValue(3);
        seed.setId("seed");
        seed.setLabel(getTranslation("train.seed"));
        seed.setValue(1);
        weightDecay.setId("weight-decay");
        weightDecay.setLabel(getTranslation("train.weightDecay"));
        weightDecay.setMin(0);
        weightDecay.setValue(0.0);
        augment.setId("augment");
        augment.setLabel(getTranslation("train.augment"));
    }

    private static List<String> networkNames() {
        return Presets.in(Offer.TRAIN_PAGE).stream().map(Presets.Preset::name).toList();
    }

    /** How a data choice reads in the picker and in messages. */
    String dataLabel(DataChoice c) {
        return data.label(this, c);
    }

    /** Offers {@code spec} (from the builder) as the network "custom" and picks it. */
    void useCustomSpec(ModelSpec spec) {
        spec.validate();
        customSpec = spec;
        List<String> names = new ArrayList<>(networkNames());
        names.add(CUSTOM);
        network.setItems(names);
        network.setValue(CUSTOM);
        data.fit(this, spec);
        applyKindDefaults(DataCatalog.kindOf(spec));
        showPreview();
    }

    /** Fills the form with a setup someone sent: network, data (if offered), optimizer and the numbers. */
    void apply(SentSetup sent) {
        boolean preset = Presets.find(Offer.TRAIN_PAGE, sent.networkName())
                .map(p -> p.spec().equals(sent.spec())).orElse(false);
        if (preset) {
            network.setValue(sent.networkName());
        } else {
            useCustomSpec(sent.spec());
        }
        dataset.getListDataView().getItems()
                .filter(c -> c.dataset().equals(sent.dataset()) && c.size() == sent.dataSize())
                .findFirst().ifPresent(dataset::setValue);
        optimizer.setValue(sent.optimizer());
        learningRate.setValue(sent.learningRate());
        batchSize.setValue(sent.batchSize());
        epochs.setValue(sent.epochs());
        seed.setValue((int) sent.seed());
    }

    /** Small data sets learn in more, smaller steps than MNIST: points and texts get their own starting values. */
    private void applyKindDefaults(DataCatalog.InputKind kind) {
        switch (kind) {
            case POINTS, ONE_BIT -> setTraining(0.05, 16, 30);
            case TEXT -> setTraining(0.01, 32, 3);
            default -> {
            }
        }
    }

    private void setTraining(double rate, int batch, int epochCount) {
        optimizer.setValue(OptimizerKind.ADAM);
        learningRate.setValue(rate);
        batchSize.setValue(batch);
        epochs.setValue(epochCount);
    }

    private void applyNetworkDefaults(String name) {
        Presets.find(Offer.TRAIN_PAGE, name).map(Presets.Preset::training).ifPresent(t -> {
            optimizer.setValue(t.optimizer().kind());
            learningRate.setValue(t.optimizer().learningRate());
            batchSize.setValue(t.batchSize());
        });
        if (CUSTOM.equals(name) && optimizer.isEmpty()) {
            optimizer.setValue(OptimizerKind.ADAM);
            learningRate.setValue(0.001);
            batchSize.setValue(64);
        }
    }

    /** The network chosen now, or null when none is. */
    ModelSpec spec() {
        String name = network.getValue();
        return CUSTOM.equals(name) ? customSpec
                : Presets.find(Offer.TRAIN_PAGE, name).map(Presets.Preset::spec).orElse(null);
    }

    private void showPreview() {
        DataChoice chosen = data.value();
        preview.show(spec(), chosen == null ? null : data.details(this, chosen));
        pretrain.offerFor(spec());
    }

    /** The request the form describes now. */
    TrainingRequest request() {
        ModelSpec spec = spec();
        try {
            if (spec == null) {
                throw new IllegalArgumentException("choose a network");
            }
            DataChoice chosen = data.value();
            if (chosen == null) {
                throw new LocalizedException("train.data.none", "no data set fits the input " + spec.input(),
                        org.nnlab.builder.DiagramSvg.shape(spec.input()));
            }
            double rate = learningRate.getValue() == null ? 0 : learningRate.getValue();
            double decay = weightDecay.getValue() == null ? 0 : weightDecay.getValue();
            OptimizerConfig opt = new OptimizerConfig(optimizer.getValue(), rate, 0, decay);
            return new TrainingRequest(network.getValue(), spec, chosen, opt, orZero(batchSize.getValue()),
                    orZero(epochs.getValue()), orZero(seed.getValue()), augment.getValue(), 0.1, pretrain.epochsPerLayer());
        } catch (IllegalArgumentException e) {
            throw new LocalizedException("train.error.settings", e.getMessage(), e.getMessage());
        }
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    Registration addStartListener(ComponentEventListener<StartEvent> listener) {
        return addListener(StartEvent.class, listener);
    }

    /** The user asked to start a run of {@link #request()}. */
    static class StartEvent extends ComponentEvent<TrainingSettings> {
        private final TrainingRequest request;

        StartEvent(TrainingSettings source, TrainingRequest request) {
            super(source, false);
            this.request = request;
        }

        TrainingRequest request() {
            return request;
        }
    }
}
