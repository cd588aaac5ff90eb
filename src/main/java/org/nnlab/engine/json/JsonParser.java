package org.nnlab.engine.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.engine.text.Message;

/** Recursive-descent parser for RFC 8259 JSON; see {@link Json} for the value types it returns. */
final class JsonParser {
    static final int MAX_DEPTH = 512;
    private final String text;
    private final int maxDepth;
    private int pos;
    private int depth;

    JsonParser(String text) {
        this(text, MAX_DEPTH);
    }

    JsonParser(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    Object parseDocument() {
        Object value = parseValue();
        skipWhitespace();
        if (pos < text.length()) {
            throw error("engine.json.trailing");
        }
        return value;
    }

    private Object parseValue() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("engine.json.endValue");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> parseObject();
            case '[' -> parseArray();
            case '"' -> parseString();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield parseNumber();
                }
                throw error("engine.json.character", c);
            }
        };
    }

    private Map<String, Object> parseObject() {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("engine.json.memberName");
            }
            String key = parseString();
            skipWhitespace();
            expect(':');
            if (map.containsKey(key)) {
                throw error("engine.json.duplicate", key);
            }
            map.put(key, parseValue());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                depth--;
                return map;
            }
        }
    }

    private List<Object> parseArray() {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            list.add(parseValue());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                depth--;
                return list;
            }
        }
    }

    private String parseString() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("engine.json.unterminatedString");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                sb.append(parseEscape());
            } else if (c < 0x20) {
                throw error("engine.json.control");
            } else {
                sb.append(c);
            }
        }
    }

    private char parseEscape() {
        if (pos >= text.length()) {
            throw error("engine.json.unterminatedEscape");
        }
        char e = text.charAt(pos++);
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > text.length()) {
                    throw error("engine.json.incompleteU");
                }
                try {
                    char u = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
                    pos += 4;
                    yield u;
                } catch (NumberFormatException ex) {
                    throw error("engine.json.badU");
                }
            }
            default -> throw error("engine.json.unknownEscape", e);
        };
    }

    private Double parseNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (Character.isDigit(peek())) {
                throw error("engine.json.leadingZeros");
            }
        } else {
            digits("engine.json.digit");
        }
        if (peek() == '.') {
            pos++;
            digits("engine.json.digitFraction");
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits("engine.json.digitExponent");
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private void digits(String missingKey) {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        if (pos == start) {
            throw error(missingKey);
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("engine.json.literal", word);
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw error("engine.json.depth", maxDepth);
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw pos >= text.length() ? error("engine.json.endChar", c)
                    : error("engine.json.expectedChar", c, text.charAt(pos));
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The problem {@code key} (with its arguments) where the parser stands, by line and column. */
    private JsonException error(String key, Object... arguments) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonException("engine.json.error", line, column, Message.of(key, arguments));
    }
}
