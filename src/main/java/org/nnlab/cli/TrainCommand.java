package org.nnlab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nnlab.engine.data.Augmentation;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.ConfusionMatrix;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerConfig;
import org.nnlab.engine.model.TrainerEvent;
import org.nnlab.engine.model.TrainingControl;
import org.nnlab.engine.optim.Optimizer;
import org.nnlab.engine.tensor.Parallelism;

/**
 * {@code train --preset mlp|lenet …}: trains a preset network on the MNIST training images (optionally
 * with augmentation and a learning rate that decays along a cosine over the epochs), reports each epoch,
 * measures accuracy on the 10,000 test images, saves the model and writes a JSON summary beside it
 * ({@code FILE} with its extension replaced by {@code .json}).
 */
final class TrainCommand implements Command {
    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a preset network (mlp, lenet) on MNIST and save it";
    }

    @Override
    public String usage() {
        return "train --preset mlp|lenet|lenet_fast --epochs N --seed S --out FILE [--augment] [--data-dir DIR] [--threads N]"
                + " [--limit N] [--batch N] [--lr RATE] [--time-limit SECONDS [--warmup-seconds S]]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.parse(args, Set.of("preset", "epochs", "seed", "out", "data-dir", "threads", "limit",
                        "batch", "time-limit", "lr", "warmup-seconds"),
                Set.of("augment"));
        String name = o.require("preset");
        Presets.Preset preset = Presets.find(Presets.Offer.TRAIN_COMMAND, name).orElseThrow(() -> new UsageException(
                "unknown preset '" + name + "'; choose one of "
                        + Presets.in(Presets.Offer.TRAIN_COMMAND).stream().map(Presets.Preset::name).toList()));
        int epochs = o.intValue("epochs", preset.training().epochs(), 1);
        long seed = o.longValue("seed", 1);
        Path outFile = Path.of(o.require("out"));
        boolean augment = o.flag("augment");
        int threads = o.intValue("threads", Parallelism.defaultThreads(), 1);
        int limit = o.intValue("limit", Integer.MAX_VALUE, 1);
        String dataDir = o.get("data-dir", null);
        int batchSize = o.intValue("batch", preset.training().batchSize(), 1);
        double timeLimit = timeLimit(o.get("time-limit", null));

        LabeledImages train = MnistCommands.load(dataDir, Mnist.Split.TRAIN).first(limit);
        LabeledImages test = MnistCommands.load(dataDir, Mnist.Split.TEST);
        out.printf(Locale.ROOT, "Training %s (%s, %,d parameters) on %,d images for %d epochs%s, %d thread(s), seed %d%n",
                preset.name(), preset.description(), preset.spec().paramCount(), train.size(), epochs,
                augment ? " with augmentation" : "", threads, seed);

        Sequential model = Sequential.build(preset.spec(), new SplittableRandom(seed));
        Optimizer optimizer = preset.training().optimizer().create();
        String lr = o.get("lr", null);
        if (lr != null) {
            optimizer.setLearningRate(positiveRate(lr));
        }
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), optimizer, train.toDataset(),
                new TrainerConfig(epochs, batchSize, 0, seed, 50, 0));
        TimedTraining.TimedTransform augmentation = null;
        if (augment) {
            augmentation = new TimedTraining.TimedTransform(
                    Augmentation.standard().asBatchTransform(new SplittableRandom(seed ^ 0x5DEECE66DL)));
            trainer.withBatchTransform(augmentation);
        }
        double baseRate = optimizer.learningRate();
        if (timeLimit > 0) {
            long planned = (long) epochs * ((train.size() + batchSize - 1) / batchSize);
            double warm = o.get("warmup-seconds", null) == null ? 0 : timeLimit(o.get("warmup-seconds", null));
            if (warm > 0) {
                int steps = Parallelism.withThreads(threads, () -> TimedTraining.warmUp(model,
                        preset.training().optimizer(), train.toDataset(), batchSize, warm));
                out.printf(Locale.ROOT, "JIT warm-up on a throw-away model: %d steps in %.1f s (not counted)%n", steps, warm);
            }
            out.printf(Locale.ROOT, "Time limit %.1f s; one-cycle learning rate, peak %.2e over %,d steps%n",
                    timeLimit, baseRate, planned);
            TimedTraining.Result r = Parallelism.withThreads(threads,
                    () -> TimedTraining.run(trainer, optimizer, planned, timeLimit, test.toDataset(), out));
            if (r.ended() != null && r.ended().outcome() == TrainerEvent.Outcome.DIVERGED) {
                err.println("training stopped: " + r.ended().reason());
                return 1;
            }
            out.printf(Locale.ROOT, "Stopped after %.1f s of training (%,d steps, %s). Test accuracy: %.2f%%%n",
                    r.trainingSeconds(), r.last().steps(), r.ended() == null ? "time limit" : "all epochs done",
                    100 * r.last().accuracy());
            double augmentSeconds = augmentation == null ? 0 : augmentation.seconds();
            out.printf(Locale.ROOT, "Of the training time, augmentation took %.1f s; measuring test accuracy took %.1f s"
                    + " more (not counted)%n", augmentSeconds, r.measuringSeconds());
            ModelFile.write(model, outFile);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("preset", preset.name());
            json.put("testAccuracy", Math.round(r.last().accuracy() * 1e6) / 1e6);
            json.put("trainingSeconds", Math.round(r.trainingSeconds() * 10) / 10.0);
            json.put("timeLimitSeconds", timeLimit);
            json.put("warmupSeconds", warm);
            json.put("steps", r.last().steps());
            json.put("augmentationSeconds", Math.round(augmentSeconds * 10) / 10.0);
            json.put("measuringSeconds", Math.round(r.measuringSeconds() * 10) / 10.0);
            json.put("batchSize", batchSize);
            json.put("optimizer", preset.training().optimizer().kind() + " one-cycle peak " + baseRate
                    + " over " + planned + " steps");
            json.put("augmentation", augment ? Augmentation.standard().toString() : "none");
            json.put("seed", seed);
            json.put("threads", threads);
            json.put("curve", r.curve().stream().map(p -> Map.of("seconds", Math.round(p.seconds() * 10) / 10.0,
                    "steps", p.steps(), "testAccuracy", Math.round(p.accuracy() * 1e6) / 1e6)).toList());
            json.put("command", "java -jar nnlab.jar train " + String.join(" ", args));
            Files.writeString(summaryPath(outFile), Json.writePretty(json) + System.lineSeparator());
            out.println("Saved " + outFile + " and " + summaryPath(outFile));
            return 0;
        }
        long start = System.nanoTime();
        long[] epochStart = {start};
        TrainerEvent.TrainingEnded ended = Parallelism.withThreads(threads, () -> trainer.fit(e -> {
            if (e instanceof TrainerEvent.EpochDone d) {
                long now = System.nanoTime();
                double secs = (now - epochStart[0]) / 1e9;
                epochStart[0] = now;
                out.printf(Locale.ROOT, "epoch %2d/%d  loss %.4f  train accuracy %.2f%%  %.1f s (%,.0f samples/s)  lr %.2e%n",
                        d.epoch() + 1, epochs, d.loss(), 100 * d.accuracy(), secs, train.size() / secs,
                        optimizer.learningRate());
                optimizer.setLearningRate(cosine(baseRate, d.epoch() + 1, epochs));
            }
        }, new TrainingControl()));
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        if (ended.outcome() != TrainerEvent.Outcome.COMPLETED) {
            err.println("training stopped: " + ended.reason());
            return 1;
        }
        ConfusionMatrix cm = Parallelism.withThreads(threads, () -> ConfusionMatrix.of(model, test.toDataset(), 500));
        out.printf(Locale.ROOT, "Trained in %.1f s. Test accuracy: %.2f%% (%d of %d)%n", trainingSeconds,
                100 * cm.accuracy(), cm.correct(), cm.total());

        ModelFile.write(model, outFile);
        Path summary = summaryPath(outFile);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("preset", preset.name());
        json.put("description", preset.description());
        json.put("testAccuracy", Math.round(cm.accuracy() * 1e6) / 1e6);
        json.put("testImages", (int) cm.total());
        json.put("parameters", preset.spec().paramCount());
        json.put("trainingSeconds", Math.round(trainingSeconds * 10) / 10.0);
        json.put("trainingImages", train.size());
        json.put("epochs", epochs);
        json.put("batchSize", batchSize);
        json.put("optimizer", preset.training().optimizer().kind() + " lr " + baseRate + ", cosine decay per epoch");
        json.put("augmentation", augment ? Augmentation.standard().toString() : "none");
        json.put("seed", seed);
        json.put("threads", threads);
        json.put("command", "java -jar nnlab.jar train " + String.join(" ", args));
        json.put("trainedAt", Instant.now().toString());
        Files.writeString(summary, Json.writePretty(json) + System.lineSeparator());
        out.println("Saved " + outFile + " (" + Files.size(outFile) + " bytes) and " + summary);
        return 0;
    }

    private static double positiveRate(String value) throws UsageException {
        try {
            double v = Double.parseDouble(value);
            if (!(v > 0 && v < 10)) {
                throw new UsageException("--lr must be above 0 and below 10, got " + value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--lr needs a number, got '" + value + "'");
        }
    }

    private static double timeLimit(String value) throws UsageException {
        if (value == null) {
            return 0;
        }
        try {
            double v = Double.parseDouble(value);
            if (!(v > 0 && v <= 86_400)) {
                throw new UsageException("--time-limit must be between 0 and 86400 seconds, got " + value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--time-limit needs a number of seconds, got '" + value + "'");
        }
    }

    /** The summary beside a model file: {@code mnist-mlp.nnm} → {@code mnist-mlp.json}. */
    static Path summaryPath(Path modelFile) {
        String name = modelFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return modelFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    /** The learning rate after {@code done} of {@code total} epochs: base · (1 + cos(π·done/total)) / 2. */
    static double cosine(double base, int done, int total) {
        double r = base * 0.5 * (1 + Math.cos(Math.PI * done / total));
        return Math.max(r, base * 1e-3);
    }
}
