package org.nnlab.engine.spec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;

/**
 * Turns layer specs into JSON values and back by reading record components: a spec becomes
 * {@code {"kind": …, component: value, …}}. Supported component types: int, long, float, double,
 * boolean, String, enums (by name), nested records (as objects), {@link LayerSpec} (as an object with its
 * own "kind"), {@link Shape} (as a list of ints) and {@code List} of any of these. Values are those of
 * {@link org.nnlab.engine.json.Json}. Every error message names the path of the bad value.
 */
public final class SpecCodec {
    private SpecCodec() {
    }

    public static Map<String, Object> toJson(LayerSpec spec) {
        LayerKind kind = LayerKinds.byType(spec.getClass()).orElseThrow(() -> new SpecException(
                "engine.spec.codec.unlisted", spec.getClass().getName()));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind.name());
        map.putAll(recordToJson((Record) spec));
        return map;
    }

    public static LayerSpec fromJson(Object json, String path) {
        Map<String, Object> map = object(json, path);
        if (!(map.get("kind") instanceof String name)) {
            throw new SpecException("engine.spec.codec.noKind", path, map.get("kind"));
        }
        LayerKind kind = LayerKinds.byName(name).orElseThrow(() -> new SpecException("engine.spec.codec.unknownKind",
                path, name, LayerKinds.all().stream().map(LayerKind::name).collect(Collectors.joining(", "))));
        Map<String, Object> fields = new LinkedHashMap<>(map);
        fields.remove("kind");
        return (LayerSpec) recordFromJson(kind.type(), fields, path + " (" + name + ")");
    }

    /** Any settings record (not only layer specs) as a JSON object of its components. */
    public static Map<String, Object> encode(Record record) {
        return record instanceof LayerSpec spec ? toJson(spec) : recordToJson(record);
    }

    /** The inverse of {@link #encode}: a record of {@code type} from a JSON object; {@code path} prefixes messages. */
    public static <T extends Record> T decode(Class<T> type, Object json, String path) {
        if (LayerSpec.class.isAssignableFrom(type)) {
            return type.cast(fromJson(json, path));
        }
        return type.cast(recordFromJson(type, object(json, path), path));
    }

    private static Map<String, Object> recordToJson(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                map.put(c.getName(), valueToJson(c.getAccessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
            }
        }
        return map;
    }

    private static Object valueToJson(Object value) {
        return switch (value) {
            case null -> null;
            case LayerSpec spec -> toJson(spec);
            case Record record -> recordToJson(record);
            case Enum<?> e -> e.name();
            case Shape shape -> Arrays.stream(shape.dims()).boxed().toList();
            case List<?> list -> list.stream().map(SpecCodec::valueToJson).toList();
            case Float f -> f.doubleValue();
            default -> value;
        };
    }

    private static Object recordFromJson(Class<?> type, Map<String, Object> fields, String path) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (String key : fields.keySet()) {
            if (!names.contains(key)) {
                throw new SpecException("engine.spec.codec.unknownSetting", path, key,
                        names.isEmpty() ? Message.of("engine.spec.none") : String.join(", ", names));
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String at = path + "." + c.getName();
            if (!fields.containsKey(c.getName())) {
                throw new SpecException("engine.spec.codec.missing", at);
            }
            args[i] = valueFromJson(c.getGenericType(), fields.get(c.getName()), at);
            types[i] = c.getType();
        }
        return construct(type, types, args, path);
    }

    private static Object construct(Class<?> type, Class<?>[] types, Object[] args, String path) {
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            ctor.trySetAccessible();
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new SpecException("engine.spec.codec.invalid", path, Message.explain(cause));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Object valueFromJson(Type type, Object json, String path) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!(json instanceof List<?> list)) {
                throw new SpecException("engine.spec.codec.list", path, describe(json));
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(valueFromJson(p.getActualTypeArguments()[0], list.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        Class<?> c = (Class<?>) type;
        if (c == int.class || c == Integer.class) {
            return (int) whole(json, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (c == long.class || c == Long.class) {
            return whole(json, path, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (c == double.class || c == Double.class) {
            return number(json, path);
        }
        if (c == float.class || c == Float.class) {
            return (float) number(json, path);
        }
        if (c == boolean.class || c == Boolean.class) {
            if (json instanceof Boolean b) {
                return b;
            }
            throw new SpecException("engine.spec.codec.boolean", path, describe(json));
        }
        if (c == String.class) {
            if (json instanceof String s) {
                return s;
            }
            throw new SpecException("engine.spec.codec.string", path, describe(json));
        }
        if (c.isEnum()) {
            return enumFromJson(c, json, path);
        }
        if (c == Shape.class) {
            int[] dims = ((List<?>) valueFromJson(IntList.TYPE, json, path)).stream()
                    .mapToInt(v -> (Integer) v).toArray();
            return Shape.of(dims);
        }
        if (LayerSpec.class.isAssignableFrom(c)) {
            return fromJson(json, path);
        }
        if (c.isRecord()) {
            return recordFromJson(c, object(json, path), path);
        }
        throw new IllegalStateException(path + ": the spec codec cannot handle " + c.getName());
    }

    private static Object enumFromJson(Class<?> c, Object json, String path) {
        Object[] constants = c.getEnumConstants();
        for (Object constant : constants) {
            if (((Enum<?>) constant).name().equals(json)) {
                return constant;
            }
        }
        throw new SpecException("engine.spec.codec.enum", path, describe(json),
                Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", ")));
    }

    private static double number(Object json, String path) {
        if (json instanceof Number n) {
            return n.doubleValue();
        }
        throw new SpecException("engine.spec.codec.number", path, describe(json));
    }

    private static long whole(Object json, String path, long min, long max) {
        double d = number(json, path);
        if (d != Math.rint(d) || d < min || d > max) {
            throw new SpecException("engine.spec.codec.whole", path, describe(json));
        }
        return (long) d;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object json, String path) {
        if (json instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new SpecException("engine.spec.codec.object", path, describe(json));
    }

    /** A JSON value as a message argument: written out, or named when it is an object or a list. */
    static Object describe(Object json) {
        return switch (json) {
            case null -> "null";
            case String s -> "\"" + s + "\"";
            case Map<?, ?> m -> Message.of("engine.spec.codec.anObject");
            case List<?> l -> Message.of("engine.spec.codec.aList");
            default -> json.toString();
        };
    }

    /** Carrier of the generic type {@code List<Integer>} for reading shapes. */
    private record IntList(List<Integer> dims) {
        static final Type TYPE = IntList.class.getRecordComponents()[0].getGenericType();
    }
}
