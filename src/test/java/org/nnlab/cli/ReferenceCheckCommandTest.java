package org.nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCheckCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Command c = Commands.byName("reference-check").orElseThrow();
        return Commands.run(c, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void sharedFilePassesWithOneLinePerCase() {
        assertEquals(0, run("src/test/resources/reference/pytorch-reference.json"));
        List<String> lines = lines();
        assertTrue(lines.getLast().matches("\\d+ passed, 0 failed, \\d+ skipped"), lines.getLast());
        assertTrue(Integer.parseInt(lines.getLast().split(" ")[0]) >= 11, lines.getLast());
        for (String kind : List.of("rnn_tanh", "lstm", "gru", "bilstm", "deep_bilstm", "bi_rnn_tanh")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(kind) && l.endsWith("PASS")), kind + "\n" + String.join("\n", lines));
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("optimizer_adam") && l.endsWith("PASS")), String.join("\n", lines));
    }

    @Test
    void failureGivesNonZeroExit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"cases\": [{\"kind\": \"optimizer_sgd_momentum\", \"start\": [0], \"target\": [1],"
                + " \"after_each_step\": [[0.5]]}, {\"kind\": \"made_up_kind\"}]}");
        assertEquals(1, run(file.toString()));
        List<String> lines = lines();
        assertTrue(lines.getFirst().contains("optimizer_sgd_momentum") && lines.getFirst().contains("FAIL"), lines.getFirst());
        assertEquals("0 passed, 1 failed, 1 skipped", lines.getLast());
    }

    @Test
    void malformedFileGivesNonZeroExitAndMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"cases\": [ {\"kind\": ");
        assertEquals(1, run(file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a reference file"), err.toString());
    }

    @Test
    void missingFileAndBadArguments() {
        assertEquals(1, run("/no/such/file.json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read /no/such/file.json"));
        assertEquals(2, run());
    }
}
