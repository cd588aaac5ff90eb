package org.nnlab.engine.spec;

/**
 * One kind of layer as the outside world names it: the record class that holds its settings and the
 * JSON {@code "kind"} its {@link Kind} annotation states. The record's components are its properties
 * (read by the JSON codec and by the visual builder to make editors).
 */
public record LayerKind(Class<? extends LayerSpec> type) {
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            Kind kind = type.getAnnotation(Kind.class);
            if (kind == null) {
                throw new IllegalStateException(type.getName() + " needs a @Kind annotation with its kind name");
            }
            return kind.value();
        }
    };

    public LayerKind {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " must be a record");
        }
        nameOf(type);
    }

    /** The name in JSON and in the builder, e.g. {@code "dense"}. */
    public String name() {
        return nameOf(type);
    }

    static String nameOf(Class<? extends LayerSpec> type) {
        return NAMES.get(type);
    }
}
