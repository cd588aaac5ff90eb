package org.nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.IdxFiles;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Presets;

/** train, evaluate and fetch-data on a tiny stand-in for MNIST that the test writes. */
class MnistCommandsTest {
    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private static Run run(Command c, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(c, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Random 28×28 images whose label is the brightest of ten horizontal bands, so a model can learn them. */
    private void writeFakeMnist(Path dataDir) throws IOException {
        Path dir = DataDirectory.mnist(dataDir);
        Files.createDirectories(dir);
        SplittableRandom rng = new SplittableRandom(5);
        for (String set : List.of("train", "t10k")) {
            int n = set.equals("train") ? 300 : 100;
            byte[] px = new byte[n * 784];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = rng.nextInt(10);
                for (int p = 0; p < 784; p++) {
                    int band = Math.min(9, (p / 28) * 10 / 28);
                    px[i * 784 + p] = (byte) (band == labels[i] ? 200 + rng.nextInt(56) : rng.nextInt(60));
                }
            }
            IdxFiles.write(dir.resolve(set + "-images-idx3-ubyte"), IdxFiles.images(n, 28, 28, px));
            IdxFiles.writeGzip(dir.resolve(set + "-labels-idx1-ubyte.gz"), IdxFiles.labels(labels));
        }
    }

    @Test
    void trainSavesModelAndSummaryAndEvaluatePrintsConfusionMatrix() throws IOException {
        Path dataDir = tmp.resolve("data");
        writeFakeMnist(dataDir);
        Path model = tmp.resolve("m.nnm");
        Run train = run(new TrainCommand(), "--preset", "mlp", "--epochs", "3", "--seed", "2", "--out",
                model.toString(), "--augment", "--data-dir", dataDir.toString(), "--threads", "1");
        assertEquals(0, train.status(), train.err());
        assertTrue(train.out().contains("epoch  3/3"), train.out());
        assertEquals(Presets.MLP.spec(), ModelFile.read(model).spec());

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(tmp.resolve("m.json")));
        assertEquals("mlp", json.get("preset"));
        assertEquals(300.0, json.get("trainingImages"));
        assertEquals(100.0, json.get("testImages"));
        assertTrue((Double) json.get("testAccuracy") > 0.5, "accuracy " + json.get("testAccuracy"));
        assertEquals("java -jar nnlab.jar train --preset mlp --epochs 3 --seed 2 --out " + model
                + " --augment --data-dir " + dataDir + " --threads 1", json.get("command"));

        Run eval = run(new EvaluateCommand(), "--model", model.toString(), "--data-dir", dataDir.toString());
        assertEquals(0, eval.status(), eval.err());
        String accuracyLine = String.format(java.util.Locale.ROOT, "Test accuracy: %.2f%%",
                100 * (Double) json.get("testAccuracy"));
        assertTrue(eval.out().contains(accuracyLine), eval.out());
        assertEquals(10, eval.out().lines().filter(l -> l.matches("\\d +.*%")).count(), eval.out());
    }

    @Test
    void missingMnistSaysHowToGetIt() {
        Run r = run(new EvaluateCommand(), "--model", tmp.resolve("none.nnm").toString(), "--data-dir",
                tmp.resolve("empty").toString());
        assertEquals(1, r.status());
        Run t = run(new TrainCommand(), "--preset", "lenet", "--out", tmp.resolve("x.nnm").toString(), "--data-dir",
                tmp.resolve("empty").toString());
        assertEquals(1, t.status());
        assertTrue(t.err().contains("fetch-data mnist --data-dir"), t.err());
        assertTrue(t.err().contains(tmp.resolve("empty").resolve("datasets").resolve("mnist")
                .resolve("t10k-labels-idx1-ubyte").toString()), t.err());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Run unknownPreset = run(new TrainCommand(), "--preset", "resnet", "--out", "x.nnm");
        assertEquals(2, unknownPreset.status());
        assertTrue(unknownPreset.err().contains("unknown preset 'resnet'; choose one of [mlp, lenet, lenet_fast]"), unknownPreset.err());
        Run badEpochs = run(new TrainCommand(), "--preset", "mlp", "--epochs", "zero", "--out", "x.nnm");
        assertTrue(badEpochs.err().contains("--epochs must be a whole number, got 'zero'"), badEpochs.err());
        Run noOut = run(new TrainCommand(), "--preset", "mlp");
        assertTrue(noOut.err().contains("option --out is required"), noOut.err());
        Run dataset = run(new FetchDataCommand(), "cifar");
        assertEquals(2, dataset.status());
        assertTrue(dataset.err().contains("the only one is 'mnist'"), dataset.err());
    }

    @Test
    void fetchDataReportsFilesAlreadyThere() throws IOException {
        Path dataDir = tmp.resolve("data");
        writeFakeMnist(dataDir);
        Run r = run(new FetchDataCommand(), "mnist", "--data-dir", dataDir.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("MNIST is already in " + DataDirectory.mnist(dataDir)), r.out());
    }

    @Test
    void cosineScheduleFallsFromBaseToNearZero() {
        assertEquals(0.002, TrainCommand.cosine(0.002, 0, 10), 1e-12);
        assertEquals(0.001, TrainCommand.cosine(0.002, 5, 10), 1e-12);
        assertEquals(0.002e-3, TrainCommand.cosine(0.002, 10, 10), 1e-12);
        assertEquals(Path.of("a/mnist-cnn.json"), TrainCommand.summaryPath(Path.of("a/mnist-cnn.nnm")));
    }

    @Test
    void timeLimitStopsTrainingAtTheLimitAndReportsTheCurve() throws IOException {
        Path dataDir = tmp.resolve("data");
        writeFakeMnist(dataDir);
        Path model = tmp.resolve("timed.nnm");
        // far more epochs than 2 s can hold: the limit has to end the run
        Run train = run(new TrainCommand(), "--preset", "lenet_fast", "--epochs", "100000", "--seed", "7",
                "--time-limit", "2", "--warmup-seconds", "1", "--augment", "--out", model.toString(), "--data-dir", dataDir.toString(),
                "--threads", "1");
        assertEquals(0, train.status(), train.err());
        assertTrue(train.out().contains(" steps, time limit). Test accuracy: "), train.out());
        assertTrue(train.out().contains("Of the training time, augmentation took "), train.out());
        assertTrue(train.out().contains("JIT warm-up on a throw-away model: "), train.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(tmp.resolve("timed.json")));
        assertTrue((Double) json.get("trainingSeconds") >= 2.0, json.toString());
        assertEquals(2.0, json.get("timeLimitSeconds"));
        double augmentation = (Double) json.get("augmentationSeconds");
        assertTrue(augmentation >= 0 && augmentation <= (Double) json.get("trainingSeconds"), json.toString());
        assertTrue((Double) json.get("measuringSeconds") >= 0, json.toString());
        double steps = (Double) json.get("steps");
        assertTrue(steps >= 1 && steps < 100000.0 * 5, json.toString());
        List<?> curve = (List<?>) json.get("curve");
        assertEquals(steps, ((Map<?, ?>) curve.getLast()).get("steps"));
        assertEquals(Presets.LENET_FAST.spec(), ModelFile.read(model).spec());
    }

    @Test
    void timedRunThatFinishesItsEpochsIsReproducible() throws IOException {
        Path dataDir = tmp.resolve("data");
        writeFakeMnist(dataDir);
        byte[][] models = new byte[2][];
        for (int r = 0; r < 2; r++) {
            Path model = tmp.resolve("done" + r + ".nnm");
            Run train = run(new TrainCommand(), "--preset", "lenet_fast", "--epochs", "2", "--seed", "3",
                    "--time-limit", "3600", "--out", model.toString(), "--data-dir", dataDir.toString(),
                    "--threads", String.valueOf(r + 1));
            assertEquals(0, train.status(), train.err());
            assertTrue(train.out().contains("10 steps, all epochs done"), train.out());
            models[r] = Files.readAllBytes(model);
        }
        assertTrue(java.util.Arrays.equals(models[0], models[1]), "same seed, 1 and 2 threads: same model file");
        assertEquals(2, run(new TrainCommand(), "--preset", "lenet_fast", "--time-limit", "0", "--out",
                tmp.resolve("x.nnm").toString(), "--data-dir", dataDir.toString()).status());
    }
}
