package org.nnlab.builder.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.TanhSpec;
import org.nnlab.engine.tensor.Shape;

class StackEditsTest {
    private static final ModelSpec THREE = ModelSpec.of(Shape.of(2), new DenseSpec(4), new ReluSpec(), new DenseSpec(1));

    private static List<String> kinds(StackEdits.Result r) {
        return r.spec().layers().stream().map(LayerSpec::kind).toList();
    }

    @Test
    void addGoesBelowTheInsertionPointOrToTheBottomAndBecomesTheNewPoint() {
        StackEdits.Result bottom = StackEdits.add(THREE, -1, LayerKinds.byName("tanh").orElseThrow());
        assertEquals(List.of("dense", "relu", "dense", "tanh"), kinds(bottom));
        assertEquals(3, bottom.insertAfter());
        StackEdits.Result below = StackEdits.add(THREE, 0, LayerKinds.byName("tanh").orElseThrow());
        assertEquals(List.of("dense", "tanh", "relu", "dense"), kinds(below));
        assertEquals(1, below.insertAfter());
    }

    @Test
    void moveCarriesTheInsertionPointAndIgnoresMovesPastTheEnds() {
        StackEdits.Result moved = StackEdits.move(THREE, 0, 0, 2);
        assertEquals(List.of("relu", "dense", "dense"), kinds(moved));
        assertEquals(2, moved.insertAfter(), "the marked layer stays marked where it went");
        assertEquals(THREE, StackEdits.move(THREE, -1, 0, -1).spec());
        assertEquals(THREE, StackEdits.move(THREE, -1, 2, 3).spec());
    }

    @Test
    void duplicateAndDeleteKeepTheInsertionPointInsideTheStack() {
        assertEquals(List.of("dense", "relu", "relu", "dense"), kinds(StackEdits.duplicate(THREE, -1, 1)));
        StackEdits.Result deleted = StackEdits.delete(THREE, 2, 2);
        assertEquals(List.of("dense", "relu"), kinds(deleted));
        assertEquals(1, deleted.insertAfter());
        assertEquals(new TanhSpec(), StackEdits.set(THREE, 1, new TanhSpec()).layers().get(1));
    }
}
