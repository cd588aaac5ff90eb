package org.nnlab.engine.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.json.JsonException;
import org.nnlab.engine.reference.CaseOutcome.Status;

/**
 * Runs every case of a reference file ({@code {"cases": [{"kind": …, …}, …]}}, see the shared README)
 * through the runner registered for its kind in {@link ReferenceRunners}. A case whose kind has no runner
 * is skipped; a case a runner cannot read fails with the reason.
 */
public final class ReferenceCheck {
    private ReferenceCheck() {
    }

    /** Reads and runs a file; throws {@link IOException} if it cannot be read, or an IllegalArgumentException if it is not a reference file. */
    public static List<CaseOutcome> run(Path file) throws IOException {
        return run(Files.readString(file));
    }

    public static List<CaseOutcome> run(String json) {
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (JsonException e) {
            throw new IllegalArgumentException("not a reference file: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> top) || !(top.get("cases") instanceof List<?> cases)) {
            throw new IllegalArgumentException("not a reference file: expected an object with a \"cases\" list");
        }
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            outcomes.add(runCase(i + 1, cases.get(i)));
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    private static CaseOutcome runCase(int index, Object item) {
        if (!(item instanceof Map<?, ?> map) || !(map.get("kind") instanceof String kind)) {
            return new CaseOutcome(index, "?", Status.FAIL, Double.NaN, "-", "case is not an object with a \"kind\"");
        }
        var runner = ReferenceRunners.forKind(kind);
        if (runner.isEmpty()) {
            return new CaseOutcome(index, kind, Status.SKIPPED, Double.NaN, "-", "no runner for kind " + kind + " yet");
        }
        try {
            CaseResult r = runner.get().run((Map<String, Object>) map);
            return new CaseOutcome(index, kind, r.passed() ? Status.PASS : Status.FAIL, r.maxError(), r.worstField(), "");
        } catch (RuntimeException e) {
            return new CaseOutcome(index, kind, Status.FAIL, Double.NaN, "-", "cannot run case: " + e.getMessage());
        }
    }

    /** The closing line: {@code "N passed, N failed, N skipped"}. */
    public static String summary(List<CaseOutcome> outcomes) {
        return count(outcomes, Status.PASS) + " passed, " + count(outcomes, Status.FAIL) + " failed, "
                + count(outcomes, Status.SKIPPED) + " skipped";
    }

    public static long count(List<CaseOutcome> outcomes, Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
