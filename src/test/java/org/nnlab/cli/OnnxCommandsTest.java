package org.nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.tensor.Tensor;

/** export-onnx then import-onnx on the shipped MLP: the model comes back the same; garbage is refused. */
class OnnxCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String name, String... args) {
        return Commands.run(Commands.byName(name).orElseThrow(), List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void exportThenImportGivesTheSameModel(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("mnist-mlp.nnm");
        Files.copy(Path.of("src/main/resources/models/mnist-mlp.nnm"), model);
        Files.copy(Path.of("src/main/resources/models/mnist-mlp.json"), dir.resolve("mnist-mlp.json"));
        Path onnx = dir.resolve("mlp.onnx");
        assertEquals(0, run("export-onnx", "--model", model.toString(), "--out", onnx.toString()), err.toString());
        assertTrue(out.toString().contains("input \"input\" [batch, 1, 28, 28], output \"output\" [batch, 10]"), out.toString());
        String bytes = new String(Files.readAllBytes(onnx), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("nnlab.model_name") && bytes.contains("mnist-mlp") && bytes.contains("testAccuracy"),
                "the file carries the model name and training record");

        Path back = dir.resolve("back.nnm");
        assertEquals(0, run("import-onnx", "--onnx", onnx.toString(), "--out", back.toString()), err.toString());
        Sequential original = ModelFile.read(model);
        Sequential imported = ModelFile.read(back);
        assertEquals(original.spec(), imported.spec());
        Tensor x = Tensor.filled(original.spec().input().withBatch(2), 0.3f);
        assertArrayEquals(original.forward(x, Mode.INFER).data(), imported.forward(x, Mode.INFER).data());
    }

    @Test
    void garbageIsRefusedWithAMessage(@TempDir Path dir) throws Exception {
        Path onnx = dir.resolve("garbage.onnx");
        Files.write(onnx, new byte[] {(byte) 0xff, 0x13, 0x07, 0x42, 0x00, (byte) 0x99});
        Path target = dir.resolve("out.nnm");
        assertEquals(1, run("import-onnx", "--onnx", onnx.toString(), "--out", target.toString()));
        assertTrue(err.toString().contains("not an ONNX model"), err.toString());
        assertTrue(Files.notExists(target));
    }
}
