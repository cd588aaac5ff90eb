package org.nnlab.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.json.Json;

class ConvReferenceRunnerTest {
    private final ConvReferenceRunner runner = new ConvReferenceRunner();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases() throws IOException {
        try (InputStream in = ConvReferenceRunnerTest.class.getResourceAsStream("/reference/pytorch-reference.json")) {
            Map<String, Object> root = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) root.get("cases");
        }
    }

    @Test
    void passesEveryConvAndPoolingCase() throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        for (Map<String, Object> c : cases()) {
            String kind = (String) c.get("kind");
            if (!runner.kinds().contains(kind)) {
                continue;
            }
            CaseResult r = runner.run(c);
            assertTrue(r.passed(), kind + " " + c.get("config") + ": max error " + r.maxError() + " in " + r.worstField());
            seen.merge(kind, 1, Integer::sum);
        }
        assertEquals(Map.of("conv2d", 2, "maxpool2d", 2, "avgpool2d", 1), seen);
    }

    @Test
    void detectsAWrongExpectedValue() throws IOException {
        Map<String, Object> conv = cases().stream().filter(c -> "conv2d".equals(c.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> broken = new HashMap<>(conv);
        broken.put("dbias", ((List<?>) conv.get("dbias")).stream().map(v -> ((Number) v).doubleValue() + 0.01).toList());
        CaseResult r = runner.run(broken);
        assertEquals("dbias", r.worstField());
        assertTrue(!r.passed() && r.maxError() > 1e-3, "error " + r.maxError());
    }
}
