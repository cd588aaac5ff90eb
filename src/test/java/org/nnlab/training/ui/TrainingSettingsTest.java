package org.nnlab.training.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.html.ListItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.training.DataChoice;
import org.nnlab.training.TrainingRequest;

/** The settings form: what it will train, shown before Start, and the request Start fires. */
class TrainingSettingsTest extends KaribuSpringTest {
    private static List<String> layerLines(TrainingSettings form) {
        return form.preview.layers.getChildren().map(c -> ((ListItem) c).getText()).toList();
    }

    @Test
    void showsTheLayersShapesParametersAndDataBeforeStart() {
        TrainingSettings form = new TrainingSettings(0, 1024, 50);
        ModelSpec lenet = Presets.LENET.spec();
        List<String> lines = layerLines(form);
        assertEquals(lenet.layers().size(), lines.size());
        assertEquals("Conv2D → output " + lenet.summary().getFirst().outputShape() + ", "
                + String.format(Locale.ROOT, "%,d", lenet.summary().getFirst().params()) + " parameters", lines.getFirst());
        assertEquals(String.format(Locale.ROOT, "%,d parameters in all", lenet.paramCount()), form.preview.total.getText());
        assertEquals("data: MNIST, first 5,000 images, each sample [1, 28, 28]", form.preview.data.getText());

        form.dataset.setValue(DataChoice.mnist(500));
        assertTrue(form.preview.data.getText().startsWith("data: MNIST, first 500 images"), form.preview.data.getText());

        ModelSpec custom = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10));
        form.useCustomSpec(custom);
        assertEquals(List.of("Flatten → output [784], 0 parameters", "Dense → output [10], 7,850 parameters"),
                layerLines(form));
    }

    @Test
    void startFiresTheRequestTheFormDescribes() {
        TrainingSettings form = new TrainingSettings(0, 1024, 50);
        List<TrainingRequest> fired = new ArrayList<>();
        form.addStartListener(e -> fired.add(e.request()));
        form.network.setValue("perceptron");
        form.dataset.setValue(DataChoice.mnist(1000));
        form.epochs.setValue(2);
        form.seed.setValue(7);
        form.start.click();
        TrainingRequest request = fired.getFirst();
        assertEquals(Presets.find(Presets.Offer.TRAIN_PAGE, "perceptron").orElseThrow().spec(), request.spec());
        assertEquals(DataChoice.mnist(1000), request.data());
        assertEquals(2, request.epochs());
        assertEquals(7, request.seed());
        assertEquals(form.optimizer.getValue(), request.optimizer().kind());
    }

    @Test
    void settingsThatMakeNoRequestAreRefusedInTheUsersWords() {
        TrainingSettings form = new TrainingSettings(0, 1024, 50);
        form.optimizer.setValue(OptimizerKind.SGD);
        form.epochs.clear();
        LocalizedException refused = assertThrows(LocalizedException.class, form::request);
        assertEquals("train.error.settings", refused.messageKey());
        assertTrue(form.getTranslation(refused.messageKey(), refused.arguments()).startsWith("Please check the settings: "));
    }
}
