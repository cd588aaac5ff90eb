package org.nnlab.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Our recurrent layers against PyTorch on the shared reference file. */
class RecurrentReferenceRunnerTest {
    @Test
    @SuppressWarnings("unchecked")
    void everyRecurrentCaseMatchesPyTorch() throws Exception {
        Map<String, Object> root;
        try (InputStream in = getClass().getResourceAsStream("/reference/pytorch-reference.json")) {
            root = JsonMapper.builder().build().readValue(in, Map.class);
        }
        RecurrentReferenceRunner runner = new RecurrentReferenceRunner();
        Set<String> seen = new HashSet<>();
        for (Object c : (List<Object>) root.get("cases")) {
            Map<String, Object> testCase = (Map<String, Object>) c;
            String kind = (String) testCase.get("kind");
            if (!runner.kinds().contains(kind)) {
                continue;
            }
            CaseResult r = runner.run(testCase);
            assertTrue(r.passed(), kind + ": max error " + r.maxError() + " in " + r.worstField());
            assertTrue(r.comparedValues() > 50, kind + " compared only " + r.comparedValues() + " values");
            seen.add(kind);
        }
        assertEquals(runner.kinds(), seen);
    }
}
