package org.nnlab.builder.ui;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.builder.Specs;
import org.nnlab.engine.spec.LayerKind;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;

/**
 * The builder's changes to a stack as pure functions: each takes the stack and the insertion point (the
 * layer new ones go below, -1 for the bottom) and gives both back after the change. A change that makes
 * no sense (a move past either end) gives the stack back unchanged.
 */
final class StackEdits {
    /** A stack and its insertion point after a change. */
    record Result(ModelSpec spec, int insertAfter) {
    }

    private StackEdits() {
    }

    /** A fresh layer of {@code kind} at {@code index} (0 = top, size = bottom); it becomes the insertion point. */
    static Result insert(ModelSpec spec, LayerKind kind, int index) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        int at = Math.max(0, Math.min(index, layers.size()));
        layers.add(at, Specs.defaultOf(kind));
        return new Result(new ModelSpec(spec.input(), layers), at);
    }

    /** {@code kind} below the insertion point, or at the bottom when there is none. */
    static Result add(ModelSpec spec, int insertAfter, LayerKind kind) {
        int size = spec.layers().size();
        return insert(spec, kind, insertAfter < 0 || insertAfter >= size ? size : insertAfter + 1);
    }

    /** The layer at {@code from} taken out and put back so that it ends up at {@code to}. */
    static Result move(ModelSpec spec, int insertAfter, int from, int to) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        if (from < 0 || from >= layers.size() || to < 0 || to >= layers.size() || from == to) {
            return new Result(spec, insertAfter);
        }
        layers.add(to, layers.remove(from));
        return new Result(new ModelSpec(spec.input(), layers), insertAfter == from ? to : insertAfter);
    }

    /** A copy of the layer at {@code index} right below it. */
    static Result duplicate(ModelSpec spec, int insertAfter, int index) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.add(index + 1, layers.get(index));
        return new Result(new ModelSpec(spec.input(), layers), insertAfter);
    }

    /** The stack without the layer at {@code index}; an insertion point past the end moves to the last layer. */
    static Result delete(ModelSpec spec, int insertAfter, int index) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.remove(index);
        return new Result(new ModelSpec(spec.input(), layers), insertAfter >= layers.size() ? layers.size() - 1 : insertAfter);
    }

    /** The layer at {@code index} replaced by {@code layer}. */
    static ModelSpec set(ModelSpec spec, int index, LayerSpec layer) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.set(index, layer);
        return new ModelSpec(spec.input(), layers);
    }
}
