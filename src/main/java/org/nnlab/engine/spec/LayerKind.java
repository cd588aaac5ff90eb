package org.nnlab.engine.spec;

/**
 * One kind of layer as the outside world names it: the JSON {@code "kind"} and the record class that
 * holds its settings. The record's components are its properties (read by the JSON codec and by the
 * visual builder to make editors).
 */
public record LayerKind(String name, Class<? extends LayerSpec> type) {
    public LayerKind {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " must be a record");
        }
    }
}
