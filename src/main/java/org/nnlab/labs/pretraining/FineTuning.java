package org.nnlab.labs.pretraining;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.Accuracy;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerConfig;
import org.nnlab.engine.model.TrainerEvent;
import org.nnlab.engine.model.TrainingControl;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.rbm.Dbn;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * One run of the DBN experiment, a step at a time: supervised training of the sigmoid network by SGD
 * (learning rate {@value #LEARNING_RATE}, momentum {@value #MOMENTUM}, batches of {@value #BATCH}), then its
 * accuracy on the test images, {@value #TEST_CHUNK} at a time. Random and pretrained runs on the same labels
 * see the same images in the same order.
 */
final class FineTuning {
    static final double LEARNING_RATE = 0.1;
    static final double MOMENTUM = 0.9;
    static final int BATCH = 20;
    static final int TEST_CHUNK = 250;

    /** A run: how many labels, and whether the hidden layers start from the pretrained stack. */
    record Run(int labels, boolean pretrained) {
    }

    private final Run run;
    private final Dataset test;
    private final Trainer trainer;
    private final int epochs;
    private final double[] gradientSums;
    private final TrainingControl control = new TrainingControl();
    private final long start = System.nanoTime();
    private int reports;
    private int tested;
    private int correct;

    FineTuning(Run run, Dataset labelled, Dataset test, PretrainingProperties settings, Dbn dbn, long seed) {
        this.run = run;
        this.test = test;
        this.epochs = epochs(run.labels(), labelled.size(), settings);
        Shape input = labelled.sampleShape();
        Sequential model = run.pretrained() ? dbn.toClassifier(input, 10, new SplittableRandom(seed)).model()
                : Sequential.build(spec(input, dbn), new SplittableRandom(seed));
        this.trainer = new Trainer(model, new SoftmaxCrossEntropy(), new Sgd(LEARNING_RATE, MOMENTUM, 0), labelled,
                new TrainerConfig(epochs, BATCH, 0, seed, 1, 0));
        this.gradientSums = new double[dbn.rbms().size() + 1];
    }

    /** Epochs of a run: enough passes over few labels to see about {@code fineTuneSamples} images; all labels get their own. */
    static int epochs(int labels, int available, PretrainingProperties settings) {
        if (labels >= available && !settings.fewLabels().contains(labels)) {
            return settings.allLabelsEpochs();
        }
        return Math.max(1, Math.round((float) settings.fineTuneSamples() / labels));
    }

    /** The network the pretrained one becomes, with Glorot-random weights: [Flatten,] (Dense + Sigmoid) per RBM, Dense(10). */
    static ModelSpec spec(Shape input, Dbn dbn) {
        List<LayerSpec> layers = new ArrayList<>();
        if (input.rank() != 1) {
            layers.add(new FlattenSpec());
        }
        dbn.rbms().forEach(rbm -> {
            layers.add(new DenseSpec(rbm.hidden()));
            layers.add(new SigmoidSpec());
        });
        layers.add(new DenseSpec(10));
        return ModelSpec.of(input, layers.toArray(LayerSpec[]::new));
    }

    /** One update, or one chunk of the test; true once the run is measured. */
    boolean advance() {
        if (!trainer.isDone()) {
            trainer.runSlice(1, Long.MAX_VALUE, true, this::take, control);
            return false;
        }
        int to = Math.min(test.size(), tested + TEST_CHUNK);
        var batch = test.gather(IntStream.range(tested, to).toArray(), 0, to - tested);
        Tensor out = trainer.model().forward(batch.inputs(), Mode.INFER);
        correct += Accuracy.correct(out, batch.labels());
        tested = to;
        return tested >= test.size();
    }

    private void take(TrainerEvent event) {
        if (event instanceof TrainerEvent.BatchDone done) {
            for (int i = 0; i < done.layers().size() && i < gradientSums.length; i++) {
                gradientSums[i] += done.layers().get(i).gradientNorm();
            }
            reports++;
        }
    }

    /** Fraction done: the updates count for 95 %, the test for the rest. */
    double progress() {
        if (!trainer.isDone()) {
            int perEpoch = (trainer.trainingData().size() + BATCH - 1) / BATCH;
            return 0.95 * trainer.steps() / Math.max(1, perEpoch * epochs);
        }
        return 0.95 + 0.05 * tested / Math.max(1, test.size());
    }

    ExperimentRow row() {
        double[] norms = new double[gradientSums.length];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = gradientSums[i] / Math.max(1, reports);
        }
        return new ExperimentRow(run.labels(), run.pretrained(), trainer.epochs(), trainer.steps(),
                (double) correct / Math.max(1, tested), norms, (System.nanoTime() - start) / 1e9);
    }
}
