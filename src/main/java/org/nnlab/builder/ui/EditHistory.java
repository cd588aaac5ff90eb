package org.nnlab.builder.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The builder's undo and redo: the current value and the steps before and after it. Pure state, no
 * components: a new step clears the redo side, at most {@code limit} steps back are kept (the oldest go
 * first), and a {@link #reset} starts a history without a way back. Not thread-safe; one per page.
 *
 * @param <T> an immutable value, such as a {@code ModelSpec}
 */
final class EditHistory<T> {
    private final int limit;
    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private T current;

    EditHistory(T start, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the history must keep at least one step, got " + limit);
        }
        this.current = Objects.requireNonNull(start);
        this.limit = limit;
    }

    T current() {
        return current;
    }

    /** Makes {@code next} current, keeping the value before it for undo; the redo side is dropped. */
    void push(T next) {
        undo.push(current);
        while (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
        current = Objects.requireNonNull(next);
    }

    /** Makes {@code value} current and forgets every step before and after it. */
    void reset(T value) {
        undo.clear();
        redo.clear();
        current = Objects.requireNonNull(value);
    }

    /** Steps back; false (and nothing changes) when there is no step before. */
    boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(current);
        current = undo.pop();
        return true;
    }

    /** Steps forward again after an undo; false when there is nothing to redo. */
    boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(current);
        current = redo.pop();
        return true;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }
}
