package org.nnlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Presets.InputKind;
import org.nnlab.engine.model.Presets.Offer;
import org.nnlab.engine.model.Presets.Preset;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.LayerSummary;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;

class PresetsTest {
    @Test
    void everyBuilderPresetValidatesAndSurvivesJson() {
        assertTrue(Presets.in(Offer.BUILDER).size() >= 9);
        for (Preset preset : Presets.in(Offer.BUILDER)) {
            preset.spec().validate();
            assertEquals(preset.spec(), ModelSpec.fromJson(preset.spec().toJson()), preset.name());
        }
    }

    @Test
    void theTrainedMnistPresetsAreTheBuildersToo() {
        for (Preset p : Presets.in(Offer.TRAIN_COMMAND)) {
            assertSame(p, Presets.find(Offer.BUILDER, p.name()).orElseThrow());
        }
    }

    /** Every network the Train page offers must be one the server accepts. */
    @Test
    void everyTrainPageNetworkValidatesAndEndsInTenClasses() {
        for (Preset network : Presets.in(Offer.TRAIN_PAGE)) {
            assertDoesNotThrow(() -> network.spec().validate(), network.name());
            assertEquals(Shape.of(10), network.spec().summary().getLast().outputShape(), network.name());
        }
    }

    @Test
    void eachMenuKeepsItsNamesAndOrder() {
        assertEquals(List.of("perceptron", "xor", "mlp", "digit_cnn", "lenet", "lenet_fast", "conv_pool", "lstm_rows", "bigru_rows",
                "char_model"), names(Offer.BUILDER));
        assertEquals(List.of("perceptron", "mlp", "lenet", "cnn"), names(Offer.TRAIN_PAGE));
        assertEquals(List.of("mlp", "lenet", "lenet_fast"), names(Offer.TRAIN_COMMAND));
        assertEquals("build.preset.digit_cnn", Presets.DIGIT_CNN.labelKey(Offer.BUILDER));
        assertEquals("train.network.cnn", Presets.CNN_5_20.labelKey(Offer.TRAIN_PAGE));
    }

    @Test
    void thePerceptronNameMeansTheMenusOwnNetwork() {
        assertEquals(Shape.of(2), Presets.find(Offer.BUILDER, "perceptron").orElseThrow().spec().input());
        assertEquals(Shape.of(1, 28, 28), Presets.find(Offer.TRAIN_PAGE, "perceptron").orElseThrow().spec().input());
    }

    @Test
    void thePageAndCommandOnlyOfferPresetsTheyCanTrain() {
        ModelSpec points = ModelSpec.of(Shape.of(2), new DenseSpec(1));
        assertThrows(IllegalArgumentException.class,
                () -> new Preset("p", "p", InputKind.POINTS, points, null, Set.of(Offer.TRAIN_PAGE)));
        assertThrows(IllegalArgumentException.class,
                () -> new Preset("p", "p", InputKind.POINTS, points, Presets.MLP.training(), Set.of(Offer.TRAIN_PAGE)));
        assertThrows(IllegalArgumentException.class,
                () -> new Preset("p", "p", InputKind.MNIST_IMAGE, points, null, Set.of(Offer.BUILDER)));
    }

    @Test
    void digitCnnHasTheNotesShapes() {
        List<LayerSummary> rows = Presets.DIGIT_CNN.spec().summary();
        assertEquals(Shape.of(5, 24, 24), rows.get(0).outputShape());
        assertEquals(Shape.of(5, 12, 12), rows.get(2).outputShape());
        assertEquals(Shape.of(20, 8, 8), rows.get(3).outputShape());
        assertEquals(Shape.of(20, 4, 4), rows.get(5).outputShape());
        assertEquals(Shape.of(320), rows.get(6).outputShape());
        assertEquals(Shape.of(10), rows.getLast().outputShape());
        assertEquals(5 * 25 + 5, rows.get(0).params());
        assertEquals(20 * 5 * 25 + 20, rows.get(3).params());
    }

    @Test
    void xorAndPerceptronTakeTwoDimensionalPoints() {
        assertEquals(Shape.of(1), Presets.XOR.spec().outputShape());
        assertEquals(9, Presets.XOR.spec().paramCount());
        assertEquals(3, Presets.PERCEPTRON.spec().paramCount());
    }

    private static List<String> names(Offer offer) {
        return Presets.in(offer).stream().map(Preset::name).toList();
    }
}
