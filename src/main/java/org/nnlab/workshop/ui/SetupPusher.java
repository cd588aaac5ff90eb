package org.nnlab.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.nnlab.builder.SavedSpecService;
import org.nnlab.builder.SpecLinks;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Presets.Offer;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecLimits;
import org.nnlab.training.DataCatalog;
import org.nnlab.training.DataChoice;
import org.nnlab.workshop.RoomLimits;
import org.nnlab.workshop.RoomSetup;

/**
 * The instructor's "push a setup": a network (a preset, one of their saved networks, or a builder link or spec
 * JSON pasted in), the data, optimizer, learning rate, batch size, epochs and seed; {@code push-setup} sends it
 * to every participant's Train page.
 */
class SetupPusher extends Details {
    /** A network to choose: a preset by name, or a saved network by id. */
    record Network(String label, String presetName, String savedId, String savedName) {
    }

    final Select<Network> network = new Select<>();
    final TextField specText = new TextField();
    final Select<DataChoice> data = new Select<>();
    final Select<OptimizerKind> optimizer = new Select<>();
    final NumberField learningRate = new NumberField();
    final IntegerField batchSize = new IntegerField();
    final IntegerField epochs = new IntegerField();
    final IntegerField seed = new IntegerField();
    final Button push = new Button();
    final Span sent = new Span();
    private final SavedSpecService savedSpecs;
    private final String owner;

    SetupPusher(SavedSpecService savedSpecs, String owner, RoomLimits limits, Consumer<RoomSetup> onPush) {
        this.savedSpecs = savedSpecs;
        this.owner = owner;
        setSummaryText(getTranslation("workshop.setup.title"));
        setOpened(true);
        setWidthFull();
        network.setId("setup-network");
        network.setLabel(getTranslation("workshop.setup.network"));
        network.setItems(networks());
        network.setItemLabelGenerator(Network::label);
        specText.setId("setup-spec");
        specText.setLabel(getTranslation("workshop.setup.spec"));
        specText.setPlaceholder(getTranslation("workshop.setup.specHint"));
        specText.setClearButtonVisible(true);
        data.setId("setup-data");
        data.setLabel(getTranslation("workshop.setup.data"));
        data.setItemLabelGenerator(c -> c.size() > 0 ? c.dataset() + " · " + c.size() : c.dataset());
        optimizer.setId("setup-optimizer");
        optimizer.setLabel(getTranslation("workshop.setup.optimizer"));
        optimizer.setItems(OptimizerKind.values());
        learningRate.setId("setup-learning-rate");
        learningRate.setLabel(getTranslation("workshop.setup.learningRate"));
        learningRate.setMin(0);
        learningRate.setStep(0.0001);
        batchSize.setId("setup-batch-size");
        batchSize.setLabel(getTranslation("workshop.setup.batchSize"));
        batchSize.setMin(1);
        epochs.setId("setup-epochs");
        epochs.setLabel(getTranslation("workshop.setup.epochs", limits.maxEpochs()));
        epochs.setMin(1);
        epochs.setMax(limits.maxEpochs());
        seed.setId("setup-seed");
        seed.setLabel(getTranslation("workshop.setup.seed"));
        seed.setValue(1);
        network.addValueChangeListener(e -> networkChosen(e.getValue(), limits));
        specText.addValueChangeListener(e -> offerData(spec()));
        push.setId("push-setup");
        push.setText(getTranslation("workshop.setup.push"));
        push.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        push.addClickListener(e -> {
            onPush.accept(setup());
            sent.setText(getTranslation("workshop.setup.sent"));
        });
        sent.setId("setup-sent");
        FlexLayout fields = new FlexLayout(network, specText, data, optimizer, learningRate, batchSize, epochs, seed);
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fields.getStyle().set("gap", "var(--lumo-space-m)");
        fields.addClassName("nnlab-setup-fields");
        network.addClassName("nnlab-setup-wide");
        specText.addClassName("nnlab-setup-wide");
        VerticalLayout content = new VerticalLayout(fields, push, sent);
        content.setPadding(false);
        add(content);
        network.setValue(network.getListDataView().getItems().findFirst().orElse(null));
    }

    private List<Network> networks() {
        List<Network> all = new ArrayList<>();
        for (Presets.Preset p : Presets.in(Offer.TRAIN_PAGE)) {
            all.add(new Network(getTranslation(Offer.TRAIN_PAGE.labelKey(p.name())), p.name(), null, null));
        }
        for (SavedSpecService.Entry e : savedSpecs.list(owner)) {
            all.add(new Network(getTranslation("workshop.setup.saved", e.name()), null, e.id(), e.name()));
        }
        return all;
    }

    private void networkChosen(Network chosen, RoomLimits limits) {
        if (chosen == null) {
            return;
        }
        Presets.find(Offer.TRAIN_PAGE, chosen.presetName()).map(Presets.Preset::training).ifPresentOrElse(t -> {
            optimizer.setValue(t.optimizer().kind());
            learningRate.setValue(t.optimizer().learningRate());
            batchSize.setValue(t.batchSize());
            epochs.setValue(Math.max(1, Math.min(limits.maxEpochs(), t.epochs() > 0 ? t.epochs() : 3)));
        }, () -> {
            optimizer.setValue(OptimizerKind.ADAM);
            learningRate.setValue(0.001);
            batchSize.setValue(64);
            epochs.setValue(Math.min(limits.maxEpochs(), 3));
        });
        offerData(spec());
    }

    private void offerData(ModelSpec spec) {
        List<DataChoice> fitting = spec == null ? List.of() : DataCatalog.fitting(spec, DataChoice.MIN_DRAWINGS, 1);
        data.setItems(fitting);
        data.setValue(fitting.isEmpty() ? null : fitting.getFirst());
    }

    /** The network chosen now: the pasted link or JSON if there is one, else the chosen preset or saved network. */
    ModelSpec spec() {
        String text = specText.getValue() == null ? "" : specText.getValue().strip();
        if (!text.isEmpty()) {
            int at = text.indexOf(SpecLinks.PARAMETER + "=");
            return at >= 0 && !text.startsWith("{")
                    ? SpecLinks.decode(text.substring(at + SpecLinks.PARAMETER.length() + 1).split("[&#]")[0])
                    : SpecLimits.DEFAULT.read(text);
        }
        Network chosen = network.getValue();
        if (chosen == null) {
            return null;
        }
        return chosen.presetName() != null
                ? Presets.find(Offer.TRAIN_PAGE, chosen.presetName()).map(Presets.Preset::spec).orElse(null)
                : savedSpecs.load(owner, chosen.savedId()).orElse(null);
    }

    RoomSetup setup() {
        ModelSpec spec = spec();
        DataChoice chosen = data.getValue();
        if (spec == null || chosen == null || optimizer.getValue() == null || learningRate.getValue() == null
                || batchSize.getValue() == null || epochs.getValue() == null || !(learningRate.getValue() > 0)
                || batchSize.getValue() < 1 || epochs.getValue() < 1) {
            throw new org.nnlab.base.i18n.LocalizedException("workshop.setup.incomplete", "the setup is not complete");
        }
        String text = specText.getValue() == null ? "" : specText.getValue().strip();
        Network n = network.getValue();
        String name = !text.isEmpty() ? "custom" : n.presetName() != null ? n.presetName() : n.savedName();
        return new RoomSetup(UUID.randomUUID().toString(), name, spec.toJson(), chosen.dataset(), chosen.size(),
                optimizer.getValue().name(), learningRate.getValue(), batchSize.getValue(), epochs.getValue(),
                seed.getValue() == null ? 1 : seed.getValue());
    }
}
