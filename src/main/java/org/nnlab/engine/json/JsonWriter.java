package org.nnlab.engine.json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes the value types of {@link Json}; whole numbers below 2^53 are written without a fraction. */
final class JsonWriter {
    private static final double EXACT_LIMIT = 9007199254740992.0;
    private final boolean pretty;
    private final StringBuilder out = new StringBuilder();

    JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    String write(Object value) {
        value(value, 0);
        return out.toString();
    }

    private void value(Object value, int indent) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b);
            case Number n -> number(n);
            case Map<?, ?> m -> object(m, indent);
            case List<?> l -> array(l, indent);
            default -> throw new JsonException("engine.json.cannotWrite", value.getClass().getName());
        }
    }

    private void number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            out.append(n.longValue());
            return;
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw new JsonException("engine.json.noValue", d);
        }
        if (d == Math.rint(d) && Math.abs(d) < EXACT_LIMIT && !(d == 0 && 1 / d < 0)) {
            out.append((long) d);
        } else {
            out.append(Double.toString(d));
        }
    }

    private void object(Map<?, ?> map, int indent) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            if (!(e.getKey() instanceof String key)) {
                throw new JsonException("engine.json.memberNotString", e.getKey());
            }
            newline(indent + 1);
            string(key);
            out.append(pretty ? ": " : ":");
            value(e.getValue(), indent + 1);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        if (!map.isEmpty()) {
            newline(indent);
        }
        out.append('}');
    }

    private void array(List<?> list, int indent) {
        boolean flat = list.stream().allMatch(v -> v == null || v instanceof Number || v instanceof Boolean);
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(flat && pretty ? ", " : ",");
            }
            if (!flat) {
                newline(indent + 1);
            }
            value(list.get(i), indent + 1);
        }
        if (!flat && !list.isEmpty()) {
            newline(indent);
        }
        out.append(']');
    }

    private void newline(int indent) {
        if (pretty) {
            out.append('\n').append("  ".repeat(indent));
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
