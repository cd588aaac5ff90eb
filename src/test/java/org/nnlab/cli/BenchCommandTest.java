package org.nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Commands.run(Commands.byName("bench").orElseThrow(), List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void mlpPrintsThroughputAndLatency() {
        assertEquals(0, run("--workload", "mlp", "--batch", "32", "--threads", "1", "--samples", "320", "--warmup-seconds", "0"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("bench mlp: batch 32, threads 1, 320 samples per run, 101770 parameters"), text);
        assertTrue(text.matches("(?s).*training: median \\d+ samples/s.*"), text);
        assertTrue(text.matches("(?s).*inference, 1 image: median [0-9.]+ ms, p99 [0-9.]+ ms.*"), text);
        assertTrue(text.contains("RESULT engine=nnlab workload=mlp threads=1 batch=32 samples=320"), text);
    }

    @Test
    void recurrentWorkloadsRun() {
        // LSTM 128 on 28 rows of 28 pixels: 4·128·(28 + 128 + 1) + dense 128·10 + 10
        assertEquals(0, run("--workload", "lstm", "--batch", "16", "--threads", "1", "--samples", "32", "--warmup-seconds", "0"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("bench lstm: batch 16, threads 1, 32 samples per run, 81674 parameters"), text);
        assertTrue(text.contains("RESULT engine=nnlab workload=lstm threads=1 batch=16 samples=32"), text);
        out.reset();
        assertEquals(0, run("--workload", "bilstm", "--batch", "16", "--threads", "1", "--samples", "32", "--warmup-seconds", "0"));
        text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("bench bilstm: batch 16, threads 1, 32 samples per run, 163338 parameters"), text);
    }

    @Test
    void profileSplitsTheStepByLayerAndReportsOwnCores() {
        assertEquals(0, run("--workload", "cnn", "--batch", "16", "--threads", "2", "--samples", "64", "--warmup-seconds", "0",
                "--profile"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*own_cores \\(CPU time of this process / wall time\\): median [0-9.]+ .*"), text);
        assertTrue(text.matches("(?s).*RESULT engine=nnlab workload=cnn .* own_cores=[0-9.]+ spread=\\d+-\\d+.*"), text);
        assertTrue(text.contains("profile over 20 batches"), text);
        // one line per layer with its forward and backward time, then loss, update and the whole step
        for (String layer : List.of("Conv2d(1 -> 6", "MaxPool2d(2×2", "Conv2d(6 -> 16", "Dense(400 -> 120)", "Dense(84 -> 10)")) {
            assertTrue(text.matches("(?s).*\\n  " + java.util.regex.Pattern.quote(layer)
                    + "[^\\n]*\\d+\\.\\d{3} \\( *\\d+\\.\\d%\\)[^\\n]*\\d+\\.\\d{3} \\( *\\d+\\.\\d%\\).*"), layer + "\n" + text);
        }
        assertTrue(text.contains("  optimizer step"), text);
        assertTrue(text.matches("(?s).*  whole step +\\d+\\.\\d{3} ms  [0-9.]+ cores.*"), text);
    }

    @Test
    void rbmPrintsThroughputOfCdOneUpdates() {
        assertEquals(0, run("--workload", "rbm", "--batch", "16", "--threads", "1", "--samples", "64", "--warmup-seconds", "0"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("bench rbm: CD-1 784 -> 500, batch 16, threads 1, 64 samples per run"), text);
        assertTrue(text.matches("(?s).*run 1: \\d+ samples/s .* last batch reconstruction error 0\\.\\d+.*"), text);
        assertTrue(text.contains("RESULT engine=nnlab workload=rbm threads=1 batch=16 samples=64 samples_per_s="), text);
    }

    @Test
    void rejectsBadArguments() {
        assertEquals(2, run("--workload", "gan"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("bench: unknown workload 'gan': use mlp, cnn, lstm, bilstm or rbm"));
        err.reset();
        assertEquals(2, run("--workload", "mlp", "--threads", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("bench: --threads must be at least 1, got 0"));
        err.reset();
        assertEquals(2, run("--batch", "64"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("bench: --workload is required"));
    }
}
