package org.nnlab.builder.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EditHistoryTest {
    @Test
    void undoAndRedoWalkTheStepsBothWays() {
        EditHistory<String> h = new EditHistory<>("a", 10);
        h.push("b");
        h.push("c");
        assertTrue(h.undo());
        assertEquals("b", h.current());
        assertTrue(h.undo());
        assertEquals("a", h.current());
        assertFalse(h.undo(), "nothing before the start");
        assertEquals("a", h.current());
        assertTrue(h.redo());
        assertTrue(h.redo());
        assertEquals("c", h.current());
        assertFalse(h.redo());
    }

    @Test
    void aNewStepAfterUndoDropsTheRedoSide() {
        EditHistory<String> h = new EditHistory<>("a", 10);
        h.push("b");
        h.undo();
        assertTrue(h.canRedo());
        h.push("x");
        assertFalse(h.canRedo());
        h.undo();
        assertEquals("a", h.current());
    }

    @Test
    void onlyTheNewestStepsUpToTheLimitAreKept() {
        EditHistory<Integer> h = new EditHistory<>(0, 3);
        for (int i = 1; i <= 5; i++) {
            h.push(i);
        }
        int steps = 0;
        while (h.undo()) {
            steps++;
        }
        assertEquals(3, steps);
        assertEquals(2, h.current(), "the oldest steps went first");
    }

    @Test
    void resetForgetsBothSides() {
        EditHistory<String> h = new EditHistory<>("a", 10);
        h.push("b");
        h.push("c");
        h.undo();
        h.reset("z");
        assertEquals("z", h.current());
        assertFalse(h.canUndo());
        assertFalse(h.canRedo());
    }

    @Test
    void refusesAnEmptyLimit() {
        assertThrows(IllegalArgumentException.class, () -> new EditHistory<>("a", 0));
    }
}
