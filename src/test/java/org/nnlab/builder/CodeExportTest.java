package org.nnlab.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.LayerKind;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;

/**
 * Golden files of the code export ({@link PytorchExport}, {@link KerasExport}), one pair per layer kind (its starting spec on the first probe input it
 * takes) plus a few whole networks, under src/test/resources/builder/code. To accept a deliberate change,
 * run with {@code -Dbuilder.updateGolden=true} and read the diff before committing it.
 */
class CodeExportTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "builder", "code");
    private static final boolean UPDATE = Boolean.getBoolean("builder.updateGolden");

    @Test
    void everyLayerKindMatchesItsGoldenFiles() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, ModelSpec> e : samples().entrySet()) {
            check(e.getKey() + ".pytorch.py", PytorchExport.script(e.getValue()), failures);
            check(e.getKey() + ".keras.py", KerasExport.script(e.getValue()), failures);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void exportedPythonParses() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "python3 is not installed");
        for (Map.Entry<String, ModelSpec> e : samples().entrySet()) {
            for (String code : List.of(PytorchExport.script(e.getValue()), KerasExport.script(e.getValue()))) {
                Process p = new ProcessBuilder(python.toString(), "-c", "import ast, sys; ast.parse(sys.stdin.read())")
                        .redirectErrorStream(true).start();
                p.getOutputStream().write(code.getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                assertTrue(p.waitFor(20, TimeUnit.SECONDS));
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.exitValue(), e.getKey() + ": " + out + "\n" + code);
            }
        }
    }

    @Test
    void commentsNameEveryOutputShapeAndTheCheckExpectsTheNetworksOutput() {
        ModelSpec cnn = Presets.DIGIT_CNN.spec();
        String torch = PytorchExport.script(cnn);
        assertTrue(torch.contains("# 0: conv2d -> [5, 24, 24], 130 parameters"), torch);
        assertTrue(torch.contains("nn.Conv2d(5, 20, kernel_size=(5, 5), stride=(1, 1), padding=(0, 0)),"), torch);
        assertTrue(torch.contains("nn.Linear(320, 10)"), torch);
        assertTrue(torch.contains("torch.randn(64, 1, 28, 28)"), torch);
        assertTrue(torch.contains("\"expected\", (64, 10))"), torch);
        String keras = KerasExport.script(cnn);
        assertTrue(keras.contains("keras.Input(shape=(28, 28, 1)),"), keras);
        assertTrue(keras.contains("# 3: conv2d -> [20, 8, 8], Keras (8, 8, 20), 2,520 parameters"), keras);
    }

    @Test
    void anInvalidStackIsNotExported() {
        ModelSpec bad = ModelSpec.of(Shape.of(1, 28, 28), Conv2dSpec.of(5, 5).withStride(2));
        assertThrows(SpecException.class, () -> PytorchExport.script(bad));
        assertThrows(SpecException.class, () -> KerasExport.script(bad));
    }

    /** One network per kind (its starting spec alone), and the presets. */
    static Map<String, ModelSpec> samples() {
        Map<String, ModelSpec> samples = new LinkedHashMap<>();
        for (LayerKind kind : LayerKinds.all()) {
            LayerSpec spec = Specs.defaultOf(kind);
            Shape input = SpecsTest.PROBES.stream().filter(p -> fits(spec, p)).findFirst().orElseThrow();
            samples.put("kind-" + kind.name(), ModelSpec.of(input, spec));
        }
        samples.put("conv-same-stride2", ModelSpec.of(Shape.of(3, 28, 28),
                new Conv2dSpec(4, Size2.of(5), Size2.of(2), Size2.of(0), true, false)));
        for (Presets.Preset p : Presets.in(Presets.Offer.BUILDER)) {
            samples.put("preset-" + p.name(), p.spec());
        }
        return samples;
    }

    private static boolean fits(LayerSpec spec, Shape input) {
        try {
            spec.outputShape(input);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void check(String name, String actual, List<String> failures) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            failures.add(name + " has no golden file; run with -Dbuilder.updateGolden=true, read it, commit it");
            return;
        }
        if (!Files.readString(file).equals(actual)) {
            failures.add(name + " differs from its golden file");
        }
    }

}
