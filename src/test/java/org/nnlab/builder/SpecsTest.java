package org.nnlab.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.LayerKind;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.tensor.Shape;

class SpecsTest {
    static final List<Shape> PROBES = List.of(Shape.of(16), Shape.of(3, 12, 12), Shape.of(10, 8));

    @Test
    void everyKindHasAStartingSpecThatFitsSomeInput() {
        for (LayerKind kind : LayerKinds.all()) {
            LayerSpec spec = Specs.defaultOf(kind);
            assertEquals(kind.type(), spec.getClass(), kind.name());
            assertTrue(PROBES.stream().anyMatch(p -> fits(spec, p)), kind.name() + " fits none of " + PROBES);
        }
    }

    @Test
    void startingValuesFollowTheSettingNames() {
        Conv2dSpec conv = (Conv2dSpec) Specs.defaultOf(LayerKinds.byName("conv2d").orElseThrow());
        assertEquals(Size2.of(3), conv.kernel());
        assertEquals(Size2.of(0), conv.padding());
        assertEquals(Size2.of(1), conv.stride());
        MaxPool2dSpec pool = (MaxPool2dSpec) Specs.defaultOf(LayerKinds.byName("maxpool2d").orElseThrow());
        assertEquals(Size2.of(2), pool.stride(), "a pooling window starts without overlap");
        assertEquals(Size2.of(1), ((org.nnlab.engine.spec.ZeroPadding2dSpec) Specs.defaultOf(LayerKinds.byName("zero_padding2d")
                .orElseThrow())).padding());
        assertEquals(0, ((org.nnlab.engine.spec.LstmSpec) Specs.defaultOf(LayerKinds.byName("lstm").orElseThrow())).truncateSteps());
        DenseSpec dense = (DenseSpec) Specs.defaultOf(LayerKinds.byName("dense").orElseThrow());
        assertEquals(16, dense.units());
        assertEquals(0.0, dense.biasInit().scale());
    }

    @Test
    void withChangesOneNestedSettingThroughTheConstructors() {
        Conv2dSpec conv = Conv2dSpec.of(5, 5);
        Conv2dSpec strided = Specs.with(conv, List.of("stride", "h"), 2);
        assertEquals(new Size2(2, 1), strided.stride());
        assertEquals(5, strided.filters());
        assertEquals(2, Specs.get(strided, List.of("stride", "h")));
        SpecException e = assertThrows(SpecException.class, () -> Specs.with(conv, List.of("filters"), 0));
        assertEquals("Conv2d: the number of filters must be at least 1, got 0", e.getMessage());
    }

    private static boolean fits(LayerSpec spec, Shape input) {
        try {
            assertNotNull(spec.outputShape(input));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
