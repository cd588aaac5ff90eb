package org.nnlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.model.ConfusionMatrix;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.tensor.Parallelism;

/** {@code evaluate --model FILE}: accuracy and confusion matrix of a saved model on the MNIST test images. */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "test a saved model on the 10,000 MNIST test images (accuracy, confusion matrix)";
    }

    @Override
    public String usage() {
        return "evaluate --model FILE [--data-dir DIR] [--threads N]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.parse(args, Set.of("model", "data-dir", "threads"), Set.of());
        Path file = Path.of(o.require("model"));
        int threads = o.intValue("threads", Parallelism.defaultThreads(), 1);
        Sequential model = ModelFile.read(file);
        LabeledImages test = MnistCommands.load(o.get("data-dir", null), Mnist.Split.TEST);
        long start = System.nanoTime();
        ConfusionMatrix cm = Parallelism.withThreads(threads, () -> ConfusionMatrix.of(model, test.toDataset(), 500));
        double secs = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "Model %s: %,d parameters%n", file, model.spec().paramCount());
        out.printf(Locale.ROOT, "Test accuracy: %.2f%% (%d of %d correct, %.1f s)%n", 100 * cm.accuracy(), cm.correct(),
                cm.total(), secs);
        out.println("Confusion matrix (rows: true digit, columns: predicted digit):");
        out.print(cm.format());
        return 0;
    }
}
