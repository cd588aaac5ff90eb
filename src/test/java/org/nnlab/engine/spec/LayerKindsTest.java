package org.nnlab.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayerKindsTest {
    @Test
    void listsEveryRecordTheSealedSpecPermitsOnceWithItsName() {
        List<Class<?>> records = new ArrayList<>();
        collectRecords(LayerSpec.class, records);
        List<Class<?>> listed = LayerKinds.all().stream().<Class<?>>map(LayerKind::type).toList();
        assertEquals(records.size(), listed.size(), "every permitted record once: " + records + " vs " + listed);
        assertEquals(Set.copyOf(records), Set.copyOf(listed));
        for (LayerKind kind : LayerKinds.all()) {
            assertEquals(kind, LayerKinds.byName(kind.name()).orElseThrow(), kind.name() + " is a unique name");
        }
    }

    @Test
    void aSpecsKindIsTheNameItsRecordStates() {
        assertEquals("leaky_relu", new LeakyReluSpec(0.01).kind());
        assertEquals("gru", new GruSpec(4, false).kind());
        assertEquals("maxpool2d", LayerKinds.byType(MaxPool2dSpec.class).orElseThrow().name());
    }

    private static void collectRecords(Class<?> type, List<Class<?>> into) {
        if (type.isRecord()) {
            into.add(type);
            return;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            collectRecords(permitted, into);
        }
    }
}
