package org.nnlab.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.LayerSummary;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;

class BuilderPresetsTest {
    @Test
    void everyPresetValidatesAndSurvivesJson() {
        assertTrue(BuilderPresets.all().size() >= 9);
        for (BuilderPresets.BuilderPreset preset : BuilderPresets.all()) {
            preset.spec().validate();
            assertEquals(preset.spec(), ModelSpec.fromJson(preset.spec().toJson()), preset.name());
        }
    }

    @Test
    void theTrainedMnistPresetsAreReusedNotCopied() {
        for (Presets.Preset p : Presets.ALL) {
            assertEquals(p.spec(), BuilderPresets.byName(p.name()).orElseThrow().spec());
        }
    }

    @Test
    void digitCnnHasTheNotesShapes() {
        List<LayerSummary> rows = BuilderPresets.DIGIT_CNN.spec().summary();
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
        assertEquals(Shape.of(1), BuilderPresets.XOR.spec().outputShape());
        assertEquals(9, BuilderPresets.XOR.spec().paramCount());
        assertEquals(3, BuilderPresets.PERCEPTRON.spec().paramCount());
    }
}
