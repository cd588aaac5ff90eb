package org.nnlab.engine.model;

import java.lang.invoke.VarHandle;
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
 * remaining epochs at once; {@link #runSlice} runs a few mini-batches and returns, for callers that share
 * threads between runs and pause or single-step them between slices. If the loss or a weight becomes
 * NaN or infinite, training stops and the model gets back the last weights that gave a finite loss.
 * Not thread-safe: one thread at a time drives it; others cancel through a {@link TrainingControl} and
 * read {@link #progress()}.
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
    /** The values of every report, rewritten in place (see {@link Report}). */
    private final Report report;
    private final RunningMean evalMean = new RunningMean();
    /** The event-making listener of the last {@code Consumer} given, kept while the same one comes again. */
    private Consumer<? super TrainerEvent> lastEvents;
    private Report.Listener lastEventListener;
    private final RunningMean sinceReport = new RunningMean();
    private final RunningMean epochMean = new RunningMean();
    /** This epoch's order of the training samples, and how far the epoch has come in it. */
    private int[] order;
    private int cursor;
    /** Mini-batch storage refilled from step to step (no allocation per step): whole batches, and an epoch's shorter last one. */
    private Batch reuse;
    private Batch reuseTail;
    private Tensor gradOut;
    /** What {@link #evaluate} reuses from one call to the next (validation runs every epoch on the same set). */
    private int[] evalOrder;
    private Batch evalBatch;
    private Tensor tailOut;
    private Tensor tailGrad;
    private int[] tailLabels;
    private int step;
    private int epoch;
    private int batchInEpoch;
    private TrainingEnded diverged;
    private TrainingEnded ended;
    /** Progress, written by the training thread and read by any: a count that is odd while the three change. */
    private volatile int progressVersion;
    private int progressStep;
    private int progressEpoch;
    private long progressSamples;
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
        this.report = health.newReport();
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
        return runSlice(Integer.MAX_VALUE, Long.MAX_VALUE, false, listener, control);
    }

    /**
     * Runs one slice of training: mini-batches until {@code maxBatches} have run or {@code maxNanos} have
     * passed (checked after each batch, so at least one runs), reporting as {@link #fit} does; with
     * {@code reportEach} every batch reports its {@code BatchDone} with layer stats (single-step mode). The
     * control is checked before every batch: a cancel ends training, {@link TrainingControl#endSlice} this slice. Returns how training ended when it ended in this slice or
     * before (reported to the listener once, the first time), or null while there is more to train.
     */
    public TrainingEnded runSlice(int maxBatches, long maxNanos, boolean reportEach,
                                  Consumer<? super TrainerEvent> listener, TrainingControl control) {
        if (listener != lastEvents) {
            lastEvents = listener;
            lastEventListener = Report.events(listener);
        }
        return runSlice(maxBatches, maxNanos, reportEach, lastEventListener, control);
    }

    /**
     * As {@link #runSlice(int, long, boolean, Consumer, TrainingControl)}, reporting the values of each
     * batch and epoch report in one {@link Report} the trainer rewrites, so that reporting allocates nothing.
     */
    public TrainingEnded runSlice(int maxBatches, long maxNanos, boolean reportEach, Report.Listener listener,
                                  TrainingControl control) {
        long start = System.nanoTime();
        for (int batches = 0; ; ) {
            if (ended == null && (diverged != null || epoch >= config.epochs())) {
                ended = end(listener, diverged != null ? diverged
                        : new TrainingEnded(step, epoch, Outcome.COMPLETED, Message.of("engine.train.completed", epoch)));
            } else if (ended == null && control.isCancelled()) {
                ended = end(listener, new TrainingEnded(step, epoch, Outcome.CANCELLED, Message.of("engine.train.cancelled", step)));
            }
            if (ended != null) {
                return ended;
            }
            if (batches >= maxBatches || (batches > 0 && System.nanoTime() - start >= maxNanos)
                    || (control.takeEndSlice() && batches > 0)) {
                return null;
            }
            advance(reportEach, listener);
            batches++;
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

    /**
     * Mean loss and accuracy of the model on {@code data}, in inference mode; the model is not changed. The
     * samples go through in batches of the training batch size, the last one filled up with repeats, so the
     * layers keep the buffers of their training shape; only the real samples are scored.
     */
    public Metrics evaluate(Dataset data) {
        evaluateInto(data);
        return new Metrics(evalMean.loss(), evalMean.accuracy());
    }

    /** As {@link #evaluate}, into {@code evalMean} (no object per validation). */
    private void evaluateInto(Dataset data) {
        RunningMean mean = evalMean;
        mean.start();
        int size = config.batchSize();
        evalOrder = Dataset.paddedOrder(data.size(), size, evalOrder);
        for (int from = 0; from < data.size(); from += size) {
            evalBatch = data.gather(evalOrder, from, from + size, evalBatch);
            Tensor out = model.forward(evalBatch.inputs(), Mode.INFER);
            int real = Math.min(size, data.size() - from);
            int[] labels = evalBatch.labels();
            Tensor grad;
            if (real < size) {
                out = scoredRows(out, real);
                labels = tailLabels(labels, real);
                grad = tailGrad = Layers.buffer(tailGrad, out.shape());
            } else {
                grad = gradOut = Layers.buffer(gradOut, out.shape());
            }
            double l = loss.evaluate(out, labels, grad);
            mean.add(l, Accuracy.correct(out, labels), real);
        }
    }

    /** The first {@code rows} samples of {@code out}, copied into a buffer kept for the next evaluation. */
    private Tensor scoredRows(Tensor out, int rows) {
        int per = out.size() / out.shape().dim(0);
        if (tailOut == null || tailOut.shape().dim(0) != rows || tailOut.size() != rows * per) {
            tailOut = Tensor.zeros(out.shape().dropFirst().withBatch(rows));
        }
        System.arraycopy(out.data(), 0, tailOut.data(), 0, rows * per);
        return tailOut;
    }

    private int[] tailLabels(int[] labels, int rows) {
        if (tailLabels == null || tailLabels.length != rows) {
            tailLabels = new int[rows];
        }
        System.arraycopy(labels, 0, tailLabels, 0, rows);
        return tailLabels;
    }

    private void advance(boolean forceReport, Report.Listener listener) {
        if (order == null || cursor >= order.length) {
            // the same draws as Dataset.shuffledBatches, so a seeded run visits the samples in the same order
            order = Dataset.permutation(train.size(), rng, order);
            cursor = 0;
            batchInEpoch = 0;
            sinceReport.start();
            epochMean.start();
        }
        int to = Math.min(order.length, cursor + config.batchSize());
        Batch gathered;
        if (to - cursor == config.batchSize()) {
            gathered = reuse = train.gather(order, cursor, to, reuse);
        } else {
            gathered = reuseTail = train.gather(order, cursor, to, reuseTail);
        }
        cursor = to;
        Batch batch = batchTransform.apply(gathered);
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
        boolean epochEnds = cursor >= order.length;
        if (report || epochEnds) {
            health.measureGradients();
        }
        List<Param> params = model.params();
        if (config.clipNorm() > 0) {
            GradientClipping.clipByGlobalNorm(params, config.clipNorm());
        }
        optimizer.step(params);
        if (!allFinite(params)) {
            step--;
            diverge();
            return;
        }
        int correct = Accuracy.correct(out, batch.labels());
        publish(step, epoch, progressSamples + batch.size());
        sinceReport.add(l, correct, batch.size());
        epochMean.add(l, correct, batch.size());
        if (report) {
            fillReport(batchInEpoch, sinceReport);
            listener.batchDone(this.report);
            sinceReport.start();
        }
        if (epochEnds) {
            finishEpoch(listener);
        }
    }

    private static boolean allFinite(List<Param> params) {
        for (int i = 0; i < params.size(); i++) {
            if (!params.get(i).value().allFinite()) {
                return false;
            }
        }
        return true;
    }

    private void finishEpoch(Report.Listener listener) {
        double samplesPerSecond = epochMean.samplesPerSecond();
        fillReport(batchInEpoch, epochMean);
        if (validation != null) {
            evaluateInto(validation);
            report.validationLoss = evalMean.loss();
            report.validationAccuracy = evalMean.accuracy();
        }
        report.samplesPerSecond = samplesPerSecond;
        listener.epochDone(report);
        epoch++;
        publish(step, epoch, progressSamples);
    }

    private void diverge() {
        good.restore();
        diverged = new TrainingEnded(step, epoch, Outcome.DIVERGED,
                Message.of("engine.train.diverged", step + 1));
    }

    private void fillReport(int batch, RunningMean mean) {
        report.step = step;
        report.epoch = epoch;
        report.batch = batch;
        report.batches = batchesPerEpoch();
        report.loss = mean.loss();
        report.accuracy = mean.accuracy();
        report.samplesPerSecond = mean.samplesPerSecond();
        report.validationLoss = Double.NaN;
        report.validationAccuracy = Double.NaN;
        health.fill(report, good);
    }

    private static TrainingEnded end(Report.Listener listener, TrainingEnded ended) {
        listener.ended(ended);
        return ended;
    }

    private int batchesPerEpoch() {
        return (train.size() + config.batchSize() - 1) / config.batchSize();
    }

    /** Optimizer steps taken, epochs completed and samples trained on so far; safe to read from any thread. */
    public Progress progress() {
        while (true) {
            int before = progressVersion;
            Progress p = new Progress(progressStep, progressEpoch, progressSamples);
            VarHandle.loadLoadFence();
            if ((before & 1) == 0 && before == progressVersion) {
                return p;
            }
            Thread.onSpinWait();
        }
    }

    /** Publishes progress without allocating: readers retry while a write is under way (a sequence lock). */
    private void publish(int steps, int epochs, long samples) {
        progressVersion++;
        VarHandle.storeStoreFence();
        progressStep = steps;
        progressEpoch = epochs;
        progressSamples = samples;
        VarHandle.storeStoreFence();
        progressVersion++;
    }

    /** How far training has come: counted by the trainer alone, published after every mini-batch. */
    public record Progress(int step, int epoch, long samples) {
    }

    public int steps() {
        return step;
    }

    /** Samples trained on so far; for the thread driving the trainer ({@link #progress()} for others). */
    public long samples() {
        return progressSamples;
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
