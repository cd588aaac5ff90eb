package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;

class DigitModelsTest {
    private static DigitModel model(String id) {
        return new DigitModel(id, "Model " + id, () -> Sequential.build(Presets.MLP.spec(), new SplittableRandom(1)));
    }

    @Test
    void listsEverySourcesModelsInOrderWithTheFirstAsDefaultAndOwnModelsOnlyForTheirOwner() {
        DigitModelSource shipped = owner -> List.of(model("cnn"), model("mlp"));
        DigitModelSource own = owner -> "alice".equals(owner) ? List.of(model("alice-1"), model("cnn")) : List.of();
        DigitModels models = new DigitModels(List.of(shipped, own));

        assertEquals(List.of("cnn", "mlp", "alice-1"), models.available("alice").stream().map(DigitModel::id).toList());
        assertEquals(List.of("cnn", "mlp"), models.available("bob").stream().map(DigitModel::id).toList());
        assertEquals(List.of("cnn", "mlp"), models.available(null).stream().map(DigitModel::id).toList());
        assertEquals("cnn", models.defaultModel(null).orElseThrow().id());
        assertTrue(models.find("alice-1", "alice").isPresent());
        assertTrue(models.find("alice-1", "bob").isEmpty());
        assertTrue(new DigitModels(List.of()).defaultModel(null).isEmpty());
    }

    @Test
    void shippedModelsAreTheCnnThenTheMlp() {
        List<String> ids = new ShippedDigitModels().models(null).stream().map(DigitModel::id).toList();
        assertEquals(List.of("mnist-cnn", "mnist-mlp"), ids);
    }
}
