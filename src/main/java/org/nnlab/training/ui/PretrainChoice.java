package org.nnlab.training.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.training.TrainingService;

/**
 * The settings form's "pretrain layer by layer (RBM)" choice ({@code pretrain}) with its epochs per layer
 * ({@code pretrain-epochs}): offered for dense sigmoid stacks only, off for any other network.
 */
class PretrainChoice extends Div {
    final Checkbox pretrain = new Checkbox();
    final IntegerField epochs = new IntegerField();

    PretrainChoice(int maxEpochs) {
        pretrain.setId("pretrain");
        pretrain.setLabel(getTranslation("train.pretrain"));
        epochs.setId("pretrain-epochs");
        epochs.setLabel(getTranslation("train.pretrain.epochs"));
        epochs.setMin(1);
        epochs.setMax(maxEpochs);
        epochs.setValue(1);
        epochs.setStepButtonsVisible(true);
        epochs.setVisible(false);
        pretrain.addValueChangeListener(e -> epochs.setVisible(e.getValue()));
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "baseline")
                .set("gap", "var(--lumo-space-m)");
        add(pretrain, epochs);
        offerFor(null);
    }

    /** Offers the choice when {@code spec} is a dense sigmoid stack; otherwise turns it off and says why. */
    void offerFor(ModelSpec spec) {
        boolean possible = spec != null && TrainingService.canPretrain(spec);
        pretrain.setEnabled(possible);
        if (!possible) {
            pretrain.setValue(false);
        }
        pretrain.setTooltipText(getTranslation(possible ? "train.pretrain.help" : "train.pretrain.notStack"));
    }

    /** Pretraining epochs per layer for the request: 0 when not chosen. */
    int epochsPerLayer() {
        return pretrain.getValue() && epochs.getValue() != null ? epochs.getValue() : 0;
    }
}
