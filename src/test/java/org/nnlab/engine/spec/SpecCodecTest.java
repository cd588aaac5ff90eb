package org.nnlab.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.tensor.Shape;

class SpecCodecTest {
    /** A settings record with every supported component type, including a nested layer spec. */
    record Everything(int count, long big, float ratio, double rate, boolean flag, String name, InitScheme scheme,
                      Init init, LayerSpec inner, Shape shape, List<LayerSpec> stack, List<Integer> sizes) {
    }

    private static final Everything SAMPLE = new Everything(3, 1L << 40, 0.1f, 1.0 / 3, true, "x\"y", InitScheme.HE_UNIFORM,
            Init.fixed(0.5, -2), new DenseSpec(4), Shape.of(1, 28, 28), List.of(new ReluSpec(), new LeakyReluSpec(0.2)),
            List.of(7, 8));

    @Test
    void everyComponentTypeRoundTripsThroughJsonText() {
        Map<String, Object> json = SpecCodec.encode(SAMPLE);
        assertEquals(Map.of("kind", "dense", "units", 4.0,
                "weightInit", Map.of("scheme", "GLOROT_UNIFORM", "scale", 1.0, "values", List.of()),
                "biasInit", Map.of("scheme", "CONSTANT", "scale", 0.0, "values", List.of())),
                Json.parse(Json.write(json.get("inner"))));
        Object text = Json.parse(Json.write(json));
        assertEquals(SAMPLE, SpecCodec.decode(Everything.class, text, "sample"));
    }

    @Test
    void otherSettingsRecordsWork() {
        OptimizerConfig config = new OptimizerConfig(OptimizerKind.SGD, 0.1, 0.9, 1e-4);
        Object text = Json.parse(Json.write(SpecCodec.encode(config)));
        assertEquals(config, SpecCodec.decode(OptimizerConfig.class, text, "optimizer"));
    }

    @Test
    void constructorErrorsAreReportedWithPath() {
        Map<String, Object> json = SpecCodec.encode(new OptimizerConfig(OptimizerKind.ADAM, 0.1, 0, 0));
        json.put("learningRate", -1.0);
        SpecException e = assertThrows(SpecException.class, () -> SpecCodec.decode(OptimizerConfig.class, json, "optimizer"));
        assertEquals("optimizer: learning rate must be a positive number, got -1.0", e.getMessage());
    }

    @Test
    void nestedLayerNeedsKind() {
        Map<String, Object> json = SpecCodec.encode(SAMPLE);
        json.put("inner", Map.of("units", 3.0));
        SpecException e = assertThrows(SpecException.class, () -> SpecCodec.decode(Everything.class, json, "s"));
        assertEquals("s.inner: a layer needs a \"kind\" such as \"dense\"; got null", e.getMessage());
    }
}
