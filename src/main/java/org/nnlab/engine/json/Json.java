package org.nnlab.engine.json;

/**
 * A small JSON reader and writer. Parsed values are {@code Map<String, Object>} (insertion order kept),
 * {@code List<Object>}, {@code Double}, {@code String}, {@code Boolean} and {@code null}; the writer
 * accepts those plus any other {@link Number}. Doubles are written in the shortest form that reads back
 * to the same value, so a parse of a write returns equal values.
 */
public final class Json {
    private Json() {
    }

    /** Parses one JSON value; throws {@link JsonException} naming the position of the first error. */
    public static Object parse(String text) {
        return new JsonParser(text).parseDocument();
    }

    /**
     * Parses one JSON value of at most {@code maxChars} characters nested at most {@code maxDepth} levels, for
     * text from outside (an uploaded spec, a link); longer text is refused before it is read.
     */
    public static Object parse(String text, int maxChars, int maxDepth) {
        if (text.length() > maxChars) {
            throw new JsonException("engine.json.tooLong", text.length(), maxChars);
        }
        return new JsonParser(text, maxDepth).parseDocument();
    }

    /** Compact JSON text. */
    public static String write(Object value) {
        return new JsonWriter(false).write(value);
    }

    /** JSON text with two-space indentation, one member per line. */
    public static String writePretty(Object value) {
        return new JsonWriter(true).write(value);
    }
}
