package org.nnlab.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.model.ConfusionMatrix;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;

/** The two models shipped in {@code src/main/resources/models/}, each with its JSON summary. */
class DefaultModelsTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DefaultModelsTest.class.getResourceAsStream("/models/" + name)) {
            assertNotNull(in, "resource /models/" + name + " is missing");
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(String base) throws IOException {
        return (Map<String, Object>) Json.parse(new String(resource(base + ".json"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"mnist-mlp, mlp, 0.975", "mnist-cnn, lenet, 0.99"})
    void fileLoadsAsThePresetWithItsSummary(String base, String preset, double target) throws IOException {
        byte[] bytes = resource(base + ".nnm");
        assertTrue(bytes.length < 2_000_000, base + ".nnm is " + bytes.length + " bytes");
        Sequential model = ModelFile.fromBytes(bytes);
        assertEquals(Presets.find(Presets.Offer.TRAIN_COMMAND, preset).orElseThrow().spec(), model.spec());
        Map<String, Object> json = summary(base);
        assertEquals(preset, json.get("preset"));
        assertEquals((double) model.spec().paramCount(), json.get("parameters"));
        assertTrue((Double) json.get("testAccuracy") >= target, "summary says " + json.get("testAccuracy"));
        assertTrue(((String) json.get("command")).startsWith("java -jar nnlab.jar train --preset " + preset));
        assertTrue(((String) json.get("command")).contains("--augment"));
        assertTrue((Double) json.get("trainingSeconds") > 0);
    }

    /** Needs MNIST (fails under CI=true when it is missing). */
    @ParameterizedTest
    @CsvSource({"mnist-mlp, 0.975", "mnist-cnn, 0.99"})
    void reachesItsTargetOnTheTestImages(String base, double target) throws IOException {
        Path dir = MnistTestData.requireMnist();
        Sequential model = ModelFile.fromBytes(resource(base + ".nnm"));
        LabeledImages test = Mnist.load(dir, Mnist.Split.TEST);
        double accuracy = ConfusionMatrix.of(model, test.toDataset(), 500).accuracy();
        assertTrue(accuracy >= target, base + " reaches " + accuracy + ", target " + target);
        assertEquals((Double) summary(base).get("testAccuracy"), accuracy, 1e-6, "summary and measurement differ");
    }
}
