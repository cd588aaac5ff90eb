package org.nnlab.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.reference.CaseOutcome.Status;

/** CD-k against the numpy float64 values of {@code rbm-reference.json}, uniforms given so every sample is fixed. */
class RbmReferenceRunnerTest {
    private static final Path FILE = Path.of("src/test/resources/reference/rbm-reference.json");
    private final RbmReferenceRunner runner = new RbmReferenceRunner();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases() throws Exception {
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(FILE));
        return (List<Map<String, Object>>) root.get("cases");
    }

    @Test
    void everyCdCaseMatchesWithinFloatPrecision() throws Exception {
        List<CaseOutcome> outcomes = ReferenceCheck.run(FILE);
        assertEquals(3, outcomes.size());
        for (CaseOutcome o : outcomes) {
            assertEquals("rbm_cd", o.kind());
            assertEquals(Status.PASS, o.status(), o.line());
            assertTrue(o.maxError() < 1e-5, o.line());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void sampledVisibleUnitsAndLongerChainsAreCovered() throws Exception {
        List<Map<String, Object>> all = cases();
        assertTrue(all.stream().anyMatch(c -> Boolean.TRUE.equals(((Map<String, Object>) c.get("config")).get("sample_visible"))));
        assertTrue(all.stream().anyMatch(c -> ((Number) ((Map<String, Object>) c.get("config")).get("k")).intValue() > 1));
    }

    @Test
    void aWrongUniformChangesTheSamplesAndFails() throws Exception {
        Map<String, Object> c = new HashMap<>(cases().get(1));
        List<?> uh = (List<?>) c.get("u_h");
        // every hidden unit of the first step now samples 0, whatever its probability
        List<Object> ones = uh.stream().map(block -> (Object) ((List<?>) block).stream()
                .map(row -> ((List<?>) row).stream().map(v -> 1.0).toList()).toList()).toList();
        c.put("u_h", List.of(ones.getFirst(), uh.get(1), uh.get(2)));
        CaseResult r = runner.run(c);
        assertFalse(r.passed(), "max error " + r.maxError());
    }

    @Test
    void aConfigThatContradictsTheArraysIsRefused() throws Exception {
        Map<String, Object> c = new HashMap<>(cases().getFirst());
        Map<String, Object> config = new HashMap<>(CaseFields.object(c, "config"));
        config.put("hidden", 7.0);
        c.put("config", config);
        CaseOutcome o = ReferenceCheck.run(Json.write(Map.of("cases", List.of(c)))).getFirst();
        assertEquals(Status.FAIL, o.status());
        assertTrue(o.reason().contains("config says hidden 7 but the arrays have 4"), o.reason());
    }
}
