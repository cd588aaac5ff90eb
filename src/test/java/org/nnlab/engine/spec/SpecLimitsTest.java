package org.nnlab.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Shape;

class SpecLimitsTest {
    private static ModelSpec relus(int layers) {
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            specs.add(new ReluSpec());
        }
        return new ModelSpec(Shape.of(4), specs);
    }

    @Test
    void readsASpecAtTheLimitsAndRefusesOneLayerMore() {
        SpecLimits limits = new SpecLimits(5, 10_000);
        assertEquals(relus(5), limits.read(relus(5).toJson()));
        SpecLimitException e = assertThrows(SpecLimitException.class, () -> limits.read(relus(6).toJson()));
        assertEquals(SpecLimitException.Limit.LAYERS, e.limit());
        assertEquals(6, e.actual());
        assertEquals(5, e.maximum());
        assertEquals("the network has 6 layers; the limit is 5: use fewer layers", e.getMessage());
    }

    @Test
    void refusesTooLongTextBeforeParsingIt() {
        SpecLimits limits = new SpecLimits(5, 100);
        SpecLimitException e = assertThrows(SpecLimitException.class, () -> limits.read("x".repeat(101)));
        assertEquals(SpecLimitException.Limit.CHARACTERS, e.limit());
        assertEquals(101, e.actual());
    }

    @Test
    void theDefaultReaderHoldsEveryPresetSizeAndRefusesTheProbesDeepLink() {
        assertEquals(relus(100), ModelSpec.fromJson(relus(100).toJson()));
        assertThrows(SpecLimitException.class, () -> ModelSpec.fromJson(relus(300).toJson()));
    }

    @Test
    void anInputSizeBeyondAnIntIsRefusedNotClamped() {
        String json = "{\"format\": \"nnlab-model-spec\", \"version\": 1, \"input\": [1e10], \"layers\": [{\"kind\": \"relu\"}]}";
        SpecException e = assertThrows(SpecException.class, () -> ModelSpec.fromJson(json));
        assertEquals("model spec \"input\" size 1.0E10 is too large: one size can be at most 2147483647"
                + " and the whole input at most that many values", e.getMessage());
    }

    @Test
    void anInputOfMoreValuesThanATensorHoldsIsASpecError() {
        ModelSpec spec = ModelSpec.of(Shape.of(100_000, 100_000, 3), new ReluSpec());
        SpecException e = assertThrows(SpecException.class, spec::validate);
        assertEquals("the input shape [100000, 100000, 3] has 30000000000 values per sample; at most 2147483647"
                + " fit in a tensor: use a smaller input", e.getMessage());
        assertEquals(Long.MAX_VALUE, ModelSpec.values(Shape.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE)));
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SpecLimits(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new SpecLimits(10, 10));
    }
}
