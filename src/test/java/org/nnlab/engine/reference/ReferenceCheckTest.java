package org.nnlab.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.reference.CaseOutcome.Status;

class ReferenceCheckTest {
    static final Path FILE = Path.of("src/test/resources/reference/pytorch-reference.json");
    private static final Set<String> OURS = Set.of("bp_worked_example", "dense_relu_dense_softmax_ce",
            "optimizer_adam", "optimizer_sgd_momentum", "optimizer_rmsprop");

    @Test
    void engineKindsPassOnTheSharedFile() throws Exception {
        List<CaseOutcome> outcomes = ReferenceCheck.run(FILE);
        for (String kind : OURS) {
            assertTrue(outcomes.stream().anyMatch(o -> o.kind().equals(kind)), kind + " missing from the file");
        }
        for (CaseOutcome o : outcomes) {
            if (OURS.contains(o.kind())) {
                assertEquals(Status.PASS, o.status(), o.line());
                assertTrue(o.maxError() < 1e-5, o.line());
            }
        }
        assertEquals(0, ReferenceCheck.count(outcomes, Status.FAIL), ReferenceCheck.summary(outcomes));
    }

    @Test
    void kindsWithoutRunnerAreSkippedWithReason() {
        List<CaseOutcome> o = ReferenceCheck.run("{\"cases\": [{\"kind\": \"hopfield\"}]}");
        assertEquals(Status.SKIPPED, o.getFirst().status());
        assertEquals("no runner for kind hopfield yet", o.getFirst().reason());
        assertEquals("0 passed, 0 failed, 1 skipped", ReferenceCheck.summary(o));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWrongExpectedValueFails() throws Exception {
        Map<String, Object> doc = (Map<String, Object>) Json.parse(Files.readString(FILE));
        List<Object> cases = (List<Object>) doc.get("cases");
        Map<String, Object> dense = (Map<String, Object>) cases.stream()
                .filter(c -> ((Map<String, Object>) c).get("kind").equals("dense_relu_dense_softmax_ce")).findFirst().orElseThrow();
        dense.put("loss", (Double) dense.get("loss") + 0.001);
        CaseOutcome o = ReferenceCheck.run(Json.write(Map.of("cases", List.of(dense)))).getFirst();
        assertEquals(Status.FAIL, o.status());
        assertEquals("loss", o.worstField());
        assertEquals(0.001 / 1.5318, o.maxError(), 1e-5);
    }

    @Test
    void malformedCasesFailWithTheReason() {
        List<CaseOutcome> o = ReferenceCheck.run("{\"cases\": [{\"kind\": \"optimizer_adam\", \"start\": [1, 2]}, 7]}");
        assertEquals(Status.FAIL, o.get(0).status());
        assertTrue(o.get(0).reason().contains("no field \"target\""), o.get(0).reason());
        assertTrue(o.get(1).reason().contains("not an object"), o.get(1).reason());
    }

    @Test
    void notAReferenceFile() {
        assertThrows(IllegalArgumentException.class, () -> ReferenceCheck.run("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> ReferenceCheck.run("{\"cases\": [}"));
    }
}
