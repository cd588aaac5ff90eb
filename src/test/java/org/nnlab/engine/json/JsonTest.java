package org.nnlab.engine.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesEveryValueType() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, true, false, null, 0, -0.5], \"b\": \"x\\\"y\\u00e9\\n\", \"c\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(Arrays.asList(1.0, -2500.0, true, false, null, 0.0, -0.5), m.get("a"));
        assertEquals("x\"yé\n", m.get("b"));
        assertEquals(Map.of(), m.get("c"));
        assertEquals(List.of("a", "b", "c"), List.copyOf(m.keySet()));
    }

    @Test
    void writeThenParseGivesEqualValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pi", Math.PI);
        m.put("tiny", 1e-300);
        m.put("third", 1.0 / 3);
        m.put("whole", 42.0);
        m.put("negZero", -0.0);
        m.put("text", "tab\tquote\" back\\ ctrl\u0001");
        m.put("nested", List.of(List.of(1.0, 2.0), Map.of("k", false)));
        m.put("nothing", null);
        assertEquals(m, Json.parse(Json.write(m)));
        assertEquals(m, Json.parse(Json.writePretty(m)));
    }

    @Test
    void wholeNumbersAreWrittenWithoutFraction() {
        assertEquals("[3,0.5,-7]", Json.write(List.of(3.0, 0.5, -7)));
    }

    @Test
    void errorsNameLineAndColumn() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\": [1, 2,]\n}"));
        assertTrue(e.getMessage().contains("line 2, column 14"), e.getMessage());
    }

    @Test
    void rejectsMalformedInput() {
        for (String bad : List.of("", "{", "[1 2]", "{\"a\" 1}", "tru", "01x", "\"open", "{\"a\":1,\"a\":2}", "1 2",
                "-", "1.", "\"\\q\"", "012", "-01")) {
            assertThrows(JsonException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThrows(JsonException.class, () -> Json.write(List.of(Double.NaN)));
    }

    @Test
    void boundedParseRefusesLongTextBeforeReadingIt() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("[" + "1,".repeat(100) + "1]", 100, 8));
        assertTrue(e.getMessage().contains("longer than the limit of 100"), e.getMessage());
        assertEquals(List.of(1.0, 2.0), Json.parse("[1,2]", 100, 8));
    }

    @Test
    void boundedParseRefusesDeepNesting() {
        assertEquals(List.of(List.of(List.of())), Json.parse("[[[]]]", 100, 3));
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("[[[[]]]]", 100, 3));
        assertTrue(e.getMessage().contains("nested deeper than 3 levels"), e.getMessage());
    }
}
