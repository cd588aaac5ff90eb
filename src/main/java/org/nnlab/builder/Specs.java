package org.nnlab.builder;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nnlab.engine.spec.LayerKind;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;

/**
 * Reads and rewrites layer specs through their record components, so that the builder knows no kind by
 * name: a starting value for every kind, the value of a setting at a path such as {@code kernel.h}, and a
 * copy of a spec with one setting changed (the record's constructor checks it, as for any input).
 */
public final class Specs {
    /**
     * Starting values looked up by setting name before falling back to one per type. They are what a
     * learner most often wants for a new layer; a kind whose constructor rejects them gets the plain
     * fallback instead.
     */
    private static final Map<String, Object> HINTS = Map.ofEntries(
            Map.entry("units", 16), Map.entry("filters", 8), Map.entry("filterSize", 5),
            Map.entry("poolSize", 2), Map.entry("poolStride", 2), Map.entry("vocabulary", 100),
            Map.entry("dimension", 16), Map.entry("rate", 0.5), Map.entry("slope", 0.01),
            Map.entry("momentum", 0.1), Map.entry("epsilon", 1e-5), Map.entry("scale", 1.0),
            Map.entry("activation", "relu"), Map.entry("kernel", 3), Map.entry("window", 2),
            Map.entry("padding", 0), Map.entry("truncateSteps", 0), Map.entry("gradientClip", 0.0));

    private static final int MAX_DEPTH = 3;

    private Specs() {
    }

    /** A fresh spec of {@code kind} with sensible settings; never fails for a kind the engine lists. */
    public static LayerSpec defaultOf(LayerKind kind) {
        return (LayerSpec) defaultRecord(kind.type(), 0);
    }

    /** The value of the setting at {@code path} (component names, outermost first). */
    public static Object get(Object record, List<String> path) {
        Object value = record;
        for (String name : path) {
            value = read((Record) value, component(value.getClass(), name));
        }
        return value;
    }

    /**
     * A copy of {@code record} whose setting at {@code path} is {@code value}. The constructors of the
     * record and of every nested record on the path check the new value: an unacceptable one throws
     * their {@link SpecException} (or {@link IllegalArgumentException}) unchanged.
     */
    @SuppressWarnings("unchecked")
    public static <T> T with(T record, List<String> path, Object value) {
        if (path.isEmpty()) {
            return (T) value;
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object current = read((Record) record, components[i]);
            args[i] = components[i].getName().equals(path.getFirst())
                    ? with(current, path.subList(1, path.size()), value) : current;
        }
        return (T) construct(record.getClass(), args);
    }

    public static RecordComponent component(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no setting " + name));
    }

    public static Object read(Record record, RecordComponent c) {
        try {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }

    /** Calls the canonical constructor; a rejection by the record comes out as its own exception. */
    public static Object construct(Class<?> type, Object[] args) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Object defaultRecord(Class<?> type, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("settings of " + type.getSimpleName() + " nest too deeply");
        }
        try {
            Constructor<?> plain = type.getConstructor();
            if (Modifier.isPublic(plain.getModifiers())) {
                return plain.newInstance();
            }
        } catch (NoSuchMethodException noPlainConstructor) {
            // built from its components below
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
        RecordComponent[] components = type.getRecordComponents();
        List<Object[]> attempts = new ArrayList<>();
        attempts.add(values(type, components, depth, true));
        attempts.add(values(type, components, depth, false));
        RuntimeException last = null;
        for (Object[] args : attempts) {
            try {
                return construct(type, args);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("no starting settings found for " + type.getSimpleName(), last);
    }

    private static Object[] values(Class<?> owner, RecordComponent[] components, int depth, boolean hints) {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = defaultValue(owner, components[i], depth, hints);
        }
        return args;
    }

    private static Object defaultValue(Class<?> owner, RecordComponent c, int depth, boolean hints) {
        Class<?> t = c.getType();
        String name = c.getName();
        Object hint = hints ? HINTS.get(name) : null;
        if (t == int.class || t == Integer.class) {
            return hint instanceof Integer i ? i : 1;
        }
        if (t == long.class || t == Long.class) {
            return hint instanceof Integer i ? (long) i : 1L;
        }
        if (t == double.class || t == Double.class) {
            return hint instanceof Number n ? n.doubleValue() : 0.0;
        }
        if (t == float.class || t == Float.class) {
            return hint instanceof Number n ? n.floatValue() : 0f;
        }
        if (t == boolean.class || t == Boolean.class) {
            return false;
        }
        if (t == String.class) {
            return hint instanceof String s ? s : "";
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == Shape.class) {
            return Shape.of(1);
        }
        if (t == List.class) {
            return List.of();
        }
        if (LayerSpec.class.isAssignableFrom(t)) {
            return firstAcceptedKind(owner, c, depth);
        }
        if (t.isRecord()) {
            return defaultNested(owner, t, name, depth, hints);
        }
        throw new IllegalStateException("the builder cannot edit " + t.getName() + " (" + name + ")");
    }

    /** A nested record: a size-like record of ints gets the hint for its owner's setting, others their defaults. */
    private static Object defaultNested(Class<?> owner, Class<?> t, String name, int depth, boolean hints) {
        RecordComponent[] inner = t.getRecordComponents();
        boolean allInts = inner.length > 0 && Arrays.stream(inner).allMatch(r -> r.getType() == int.class);
        if (allInts && hints) {
            Object hint = HINTS.get(name);
            if ("stride".equals(name) && hasComponent(owner, "window")) {
                hint = HINTS.get("window");
            }
            if ("padding".equals(name) && !hasComponent(owner, "kernel")) {
                hint = 1;
            }
            int v = hint instanceof Integer i ? i : 1;
            Object[] args = new Object[inner.length];
            Arrays.fill(args, v);
            return construct(t, args);
        }
        if (hints && name.toLowerCase().contains("bias")) {
            try {
                Method zeros = t.getMethod("zeros");
                if (Modifier.isStatic(zeros.getModifiers()) && zeros.getReturnType() == t) {
                    return zeros.invoke(null);
                }
            } catch (ReflectiveOperationException noZeros) {
                // fall through to the plain default
            }
        }
        return defaultRecord(t, depth + 1);
    }

    private static boolean hasComponent(Class<?> owner, String name) {
        return Arrays.stream(owner.getRecordComponents()).anyMatch(r -> r.getName().equals(name));
    }

    private static LayerSpec firstAcceptedKind(Class<?> owner, RecordComponent c, int depth) {
        for (LayerKind kind : LayerKinds.all()) {
            if (kind.type() == owner || !c.getType().isAssignableFrom(kind.type())) {
                continue;
            }
            try {
                LayerSpec inner = (LayerSpec) defaultRecord(kind.type(), depth + 1);
                Object[] probe = new Object[owner.getRecordComponents().length];
                RecordComponent[] all = owner.getRecordComponents();
                for (int i = 0; i < all.length; i++) {
                    probe[i] = all[i].getName().equals(c.getName()) ? inner : defaultValue(owner, all[i], depth + 1, true);
                }
                construct(owner, probe);
                return inner;
            } catch (RuntimeException rejected) {
                // the owner does not take this kind; try the next one
            }
        }
        throw new IllegalStateException("no layer kind fits " + owner.getSimpleName() + "." + c.getName());
    }

    /** The element type of a {@code List<…>} component, or {@code Object} when it cannot be told. */
    public static Class<?> elementType(RecordComponent c) {
        Type g = c.getGenericType();
        if (g instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            return e;
        }
        return Object.class;
    }
}
