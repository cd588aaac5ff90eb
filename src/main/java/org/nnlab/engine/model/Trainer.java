package org.nnlab.engine.model;

import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.nnlab.engine.data.Batch;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Layers;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.loss.Loss;
import org.nnlab.engine.model.TrainerEvent.BatchDone;
import org.nnlab.engine.model.TrainerEvent.EpochDone;
import org.nnlab.engine.model.TrainerEvent.Outcome;
import org.nnlab.engine.model.TrainerEvent.TrainingEnded;
import org.nnlab.engine.optim.GradientClipping;
import org.nnlab.engine.optim.Optimizer;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.engine.text.Message;

/**
 * Trains a {@link Sequential} on a {@link Dataset} with mini-batch gradient descent. The data set is split
 * into training and validation parts once, with the config's seed; every epoch visits the training part
 * in a new order drawn from the same seeded generator, so a run is reproducible. {@link #fit} runs the
 * remaining epochs; {@link #step} runs one mini-batch (single-step mode). If the loss or a weight becomes
 * NaN or infinite, training stops and the model gets back the last weights that gave a finite loss.
 * Not thread-safe: one thread drives it; others talk through a {@link TrainingControl}.
 */
public final class Trainer {
    private final Sequential model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final TrainerConfig config;
    private final Dataset train;
    private final Dataset validation;
    private final SplittableRandom rng;
    private final WeightSnapshot good;
    private final LayerHealth health;
    private final RunningMean sinceReport = new RunningMean();
    private final RunningMean epochMean = new RunningMean();
    private Iterator<Batch> batches;
    private Tensor gradOut;
    private int step;
    private int epoch;
    private int batchInEpoch;
    private TrainingEnded diverged;
    private UnaryOperator<Batch> batchTransform = UnaryOperator.identity();

    public Trainer(Sequential model, Loss loss, Optimizer optimizer, Dataset data, TrainerConfig config) {
        TrainerChecks.requireFit(model, loss, data);
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.config = config;
        this.rng = new SplittableRandom(config.seed());
        Dataset.Split split = data.split(config.validationFraction(), rng);
        if (split.train().size() == 0) {
            throw new IllegalArgumentException("validation fraction " + config.validationFraction() + " leaves no training"
                    + " samples out of " + data.size() + "; use a smaller fraction");
        }
        this.train = split.train();
        this.validation = split.validation();
        this.good = new WeightSnapshot(model.params());
        this.health = new LayerHealth(model);
    }

    /**
     * Passes every training mini-batch through {@code transform} before it is used, e.g. random distortions
     * for data augmentation. The batch is a fresh copy, so the function may change it in place; validation
     * and {@link #evaluate} data are not transformed. Returns this trainer.
     */
    public Trainer withBatchTransform(UnaryOperator<Batch> transform) {
        this.batchTransform = transform;
        return this;
    }

    /** Runs mini-batches until the configured epochs are done, the control cancels, or training diverges. */
    public TrainingEnded fit(Consumer<? super TrainerEvent> listener, TrainingControl control) {
        while (diverged == null && epoch < config.epochs()) {
            if (!control.awaitGo()) {
                return end(listener, new TrainingEnded(step, epoch, Outcome.CANCELLED,
                        Message.of("engine.train.cancelled", step)));
            }
            advance(false, listener);
        }
        return end(listener, diverged != null ? diverged
                : new TrainingEnded(step, epoch, Outcome.COMPLETED, Message.of("engine.train.completed", epoch)));
    }

    /** Single-step mode: one mini-batch. Returns its {@link BatchDone} (with layer stats), or how it diverged. */
    public TrainerEvent step() {
        if (diverged != null) {
            return diverged;
        }
        TrainerEvent[] report = new TrainerEvent[1];
        advance(true, e -> {
            if (e instanceof BatchDone) {
                report[0] = e;
            }
        });
        return diverged != null ? diverged : report[0];
    }

    /**
     * Runs one mini-batch and reports to {@code listener} exactly as {@link #fit} does ({@code BatchDone} every
     * {@code eventEvery} steps, or now when {@code report} is true; {@code EpochDone} at the end of an epoch),
     * for callers that schedule the batches themselves. Does nothing once {@link #isDone()}.
     */
    public void runBatch(boolean report, Consumer<? super TrainerEvent> listener) {
        if (!isDone()) {
            advance(report, listener);
        }
    }

    /** True once every configured epoch has run or training diverged. */
    public boolean isDone() {
        return diverged != null || epoch >= config.epochs();
    }

    /** How training diverged ({@code Outcome.DIVERGED} with the explanation), or null while it has not. */
    public TrainingEnded divergence() {
        return diverged;
    }

    /** Mean loss and accuracy of the model on {@code data}, in inference mode; the model is not changed. */
    public Metrics evaluate(Dataset data) {
        RunningMean mean = new RunningMean();
        Iterator<Batch> it = data.batches(config.batchSize());
        while (it.hasNext()) {
            Batch b = it.next();
            Tensor out = model.forward(b.inputs(), Mode.INFER);
            double l = loss.evaluate(out, b.labels(), Tensor.zeros(out.shape()));
            mean.add(l, Accuracy.correct(out, b.labels()), b.size());
        }
        return new Metrics(mean.loss(), mean.accuracy());
    }

    private void advance(boolean forceReport, Consumer<? super TrainerEvent> listener) {
        if (batches == null || !batches.hasNext()) {
            batches = train.shuffledBatches(config.batchSize(), rng);
            batchInEpoch = 0;
            sinceReport.start();
            epochMean.start();
        }
        Batch batch = batchTransform.apply(batches.next());
        batchInEpoch++;
        model.zeroGrad();
        Tensor out = model.forward(batch.inputs(), Mode.TRAIN);
        gradOut = Layers.buffer(gradOut, out.shape());
        double l = loss.evaluate(out, batch.labels(), gradOut);
        if (!Double.isFinite(l)) {
            diverge();
            return;
        }
        good.capture();
        model.backwardParams(gradOut);
        step++;
        boolean report = forceReport || step % config.eventEvery() == 0;
        boolean epochEnds = !batches.hasNext();
        double[] gradientNorms = report || epochEnds ? health.gradientNorms() : null;
        List<Param> params = model.params();
        if (config.clipNorm() > 0) {
            GradientClipping.clipByGlobalNorm(params, config.clipNorm());
        }
        optimizer.step(params);
        if (!params.stream().allMatch(p -> p.value().allFinite())) {
            step--;
            diverge();
            return;
        }
        int correct = Accuracy.correct(out, batch.labels());
        sinceReport.add(l, correct, batch.size());
        epochMean.add(l, correct, batch.size());
        if (report) {
            listener.accept(new BatchDone(step, epoch, batchInEpoch, batchesPerEpoch(), sinceReport.loss(),
                    sinceReport.accuracy(), sinceReport.samplesPerSecond(), health.stats(gradientNorms, good)));
            sinceReport.start();
        }
        if (epochEnds) {
            finishEpoch(listener, gradientNorms);
        }
    }

    private void finishEpoch(Consumer<? super TrainerEvent> listener, double[] gradientNorms) {
        double samplesPerSecond = epochMean.samplesPerSecond();
        Metrics val = validation == null ? Metrics.NONE : evaluate(validation);
        listener.accept(new EpochDone(step, epoch, epochMean.loss(), epochMean.accuracy(), samplesPerSecond,
                val.loss(), val.accuracy(), health.stats(gradientNorms, good)));
        epoch++;
    }

    private void diverge() {
        good.restore();
        diverged = new TrainingEnded(step, epoch, Outcome.DIVERGED,
                Message.of("engine.train.diverged", step + 1));
    }

    private static TrainingEnded end(Consumer<? super TrainerEvent> listener, TrainingEnded ended) {
        listener.accept(ended);
        return ended;
    }

    private int batchesPerEpoch() {
        return (train.size() + config.batchSize() - 1) / config.batchSize();
    }

    public int steps() {
        return step;
    }

    public int epochs() {
        return epoch;
    }

    public Dataset trainingData() {
        return train;
    }

    /** The held-out part, or null when the validation fraction is 0. */
    public Dataset validationData() {
        return validation;
    }

    public Sequential model() {
        return model;
    }
}
