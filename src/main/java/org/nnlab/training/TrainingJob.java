package org.nnlab.training;

import java.time.Instant;
import java.util.SplittableRandom;
import org.nnlab.engine.data.Augmentation;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.loss.LossChoice;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Pretraining;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerConfig;
import org.nnlab.engine.model.TrainerEvent;
import org.nnlab.engine.model.TrainingControl;
import org.nnlab.engine.text.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One person's training run. It owns its state machine: QUEUED until it has a place, RUNNING, PAUSED
 * (single steps allowed), and one final state; stopping is a cancel on its {@link TrainingControl}. Every
 * change of state happens in a method of this class under its lock, and says whether the run now wants a
 * turn on the {@link SliceScheduler}: it is in the scheduler's line at most once, and its slices run one
 * at a time. A slice drives the engine's {@link Trainer} (the only training loop), whose reports
 * {@link RunReports} turns into {@link JobRecords}; nothing else touches the model or the trainer.
 */
final class TrainingJob {
    private static final Logger log = LoggerFactory.getLogger(TrainingJob.class);

    /** What a slice did: there is more to train now, nothing to do until asked again, or the run ended. */
    enum Slice { MORE, IDLE, ENDED }

    final JobId id;
    final String owner;
    final TrainingRequest request;
    final Instant created = Instant.now();
    final long parameters;
    /** The memory this run will need to train, estimated before it starts (see {@link Admission#memoryNeeded}). */
    final long memoryBytes;
    final JobRecords records = new JobRecords();
    private final TrainingControl control = new TrainingControl();

    // the state machine, under this object's lock
    private JobState state = JobState.QUEUED;
    private boolean inLine;
    private SliceScheduler.Handle turn;
    private int stepsRequested;
    private Message message;
    private long finishedAt;
    private long pausedAt;

    // the slice's own (one slice at a time); other threads read only the volatile results
    private Sequential model;
    private Trainer trainer;
    private final RunReports reports;
    private int trainSize;
    private LayerwisePretraining pretraining;
    private Pretraining pretrained = Pretraining.NONE;
    /** Where the pretraining phase is (null for a run without one); stays once the run is over. */
    private volatile PretrainingProgress pretrainingProgress;
    private volatile Dataset test;
    /** Once the run is over: its model in the engine's file format (null when it never built a sound one). */
    private volatile byte[] modelBytes;

    TrainingJob(JobId id, String owner, TrainingRequest request, long memoryBytes) {
        this.id = id;
        this.owner = owner;
        this.request = request;
        this.parameters = request.spec().paramCount();
        this.memoryBytes = memoryBytes;
        this.reports = new RunReports(records, request);
    }

    /** It got a place: a waiting run starts (or goes on after a pause). */
    synchronized void placed() {
        if (state == JobState.QUEUED && !control.isCancelled()) {
            state = JobState.RUNNING;
        }
    }

    /**
     * Takes no further turn (a slice running now stops after its current batch, or at once when it waits
     * in the scheduler's line). True when it paused: its place is then free for others.
     */
    synchronized boolean pause(long now, SliceScheduler scheduler) {
        if (state != JobState.RUNNING || control.isCancelled()) {
            return false;
        }
        state = JobState.PAUSED;
        pausedAt = now;
        control.endSlice();
        if (inLine && turn != null && scheduler.withdraw(turn)) {
            inLine = false;
            turn = null;
        }
        return true;
    }

    /**
     * A paused run goes on, running at once when {@code admission} gives it its place back, otherwise first in
     * the queue. True when it now waits in the queue (positions changed).
     */
    synchronized boolean resume(Admission admission) {
        if (state != JobState.PAUSED || control.isCancelled()) {
            return false;
        }
        stepsRequested = 0;
        state = admission.resume(this) ? JobState.RUNNING : JobState.QUEUED;
        return state == JobState.QUEUED;
    }

    /** A paused run trains one more mini-batch, then stays paused. */
    synchronized void step() {
        if (state == JobState.PAUSED && !control.isCancelled()) {
            stepsRequested++;
        }
    }

    /**
     * Cancels the run. One that never trained ends here and now (returns true); one that did ends in its next
     * slice, which scores what it trained (see {@link #offerTurn}).
     */
    synchronized boolean stop() {
        if (state.isFinal() || control.isCancelled()) {
            return false;
        }
        control.cancel();
        if (model == null && !inLine) {
            end(JobState.CANCELLED, null);
            return true;
        }
        return false;
    }

    /** Puts the run in the scheduler's line when it wants a turn and is not there yet; a stopped run goes first. */
    synchronized void offerTurn(Turns turns) {
        if (!inLine && wantsTurn()) {
            inLine = true;
            turn = turns.submit(this, control.isCancelled());
        }
    }

    /** How a run gets in the scheduler's line. */
    interface Turns {
        SliceScheduler.Handle submit(TrainingJob job, boolean first);
    }

    private boolean wantsTurn() {
        return !state.isFinal() && (control.isCancelled() || state == JobState.RUNNING
                || (state == JobState.PAUSED && stepsRequested > 0));
    }

    /** Paused too long before {@code limit} (a {@link System#nanoTime} value)? */
    synchronized boolean pausedBefore(long limit) {
        return state == JobState.PAUSED && pausedAt - limit < 0;
    }

    /** Ended before {@code limit}? */
    synchronized boolean endedBefore(long limit) {
        return state.isFinal() && finishedAt - limit < 0;
    }

    synchronized JobState state() {
        return state;
    }

    synchronized JobSnapshot snapshot(int queuePosition) {
        JobRecords.Seen s = records.seen();
        long total = (long) trainSize * request.epochs();
        long done = s.progress().samples();
        double progress = state == JobState.FINISHED ? 1 : total == 0 ? 0 : Math.min(1, (double) done / total);
        double perSecond = state == JobState.RUNNING ? s.samplesPerSecond() : Double.NaN;
        double left = perSecond > 0 && s.rateSettled() ? (total - done) / perSecond : Double.NaN;
        return new JobSnapshot(id, request.networkName(), state, queuePosition, message, s.progress().step(),
                s.progress().epoch(), request.epochs(), progress, perSecond, left, parameters, created, s.layerNames(),
                s.train(), s.epochs(), s.health(), s.visuals(), s.confusion(), s.bestValidationAccuracy(), s.bestEpoch());
    }

    /**
     * One turn on a worker: a few mini-batches while running (at most {@code maxBatches}, about
     * {@code maxNanos}), one reported mini-batch for a single step, or the end when cancelled. The first
     * turn builds the network on the samples {@code loader} gives.
     */
    Slice runSlice(int maxBatches, long maxNanos, Loader loader) {
        boolean single;
        synchronized (this) {
            if (!wantsTurn()) {
                leaveLine();
                return Slice.IDLE;
            }
            single = !control.isCancelled() && state == JobState.PAUSED;
            if (single) {
                stepsRequested--;
            }
        }
        try {
            if (model == null) {
                if (control.isCancelled()) {
                    return finish(JobState.CANCELLED, null, false);
                }
                prepare(loader.load(owner, request.data()));
            }
            if (pretraining != null) {
                if (control.isCancelled()) {
                    return finish(JobState.CANCELLED, null, false);
                }
                pretrainSlice(single ? 1 : maxBatches, maxNanos);
                return afterSlice();
            }
            reports.sliceStarts();
            TrainerEvent.TrainingEnded ended = trainer.runSlice(single ? 1 : maxBatches, single ? Long.MAX_VALUE : maxNanos,
                    single, reports, control);
            if (ended != null) {
                return switch (ended.outcome()) {
                    case COMPLETED -> finish(JobState.FINISHED, null, true);
                    case CANCELLED -> finish(JobState.CANCELLED, null, true);
                    case DIVERGED -> finish(JobState.FAILED, ended.reason(), true);
                };
            }
            reports.sliceEnds(single);
        } catch (Exception | OutOfMemoryError e) {
            log.warn("training job {} failed", id, e);
            return finish(JobState.FAILED, Message.explain(e), false);
        }
        return afterSlice();
    }

    /**
     * One slice of the pretraining phase; when its last layer is done, the hidden Dense layers get the RBMs'
     * weights and fine-tuning starts with the next slice.
     */
    private void pretrainSlice(int maxBatches, long maxNanos) {
        pretraining.runSlice(maxBatches, maxNanos, this::isRunning);
        pretrainingProgress = pretraining.progress();
        if (pretraining.isDone()) {
            pretrained = pretraining.initialise(model);
            pretraining = null;
            log.info("training job {} pretrained {} layers; fine-tuning", id, pretrained.layers().size());
        }
    }

    private synchronized boolean isRunning() {
        return state == JobState.RUNNING && !control.isCancelled();
    }

    /** Where the pretraining phase is, or null for a run without one. */
    PretrainingProgress pretrainingProgress() {
        return pretrainingProgress;
    }

    private Slice afterSlice() {
        synchronized (this) {
            if (wantsTurn()) {
                return Slice.MORE;
            }
            leaveLine();
            return Slice.IDLE;
        }
    }

    /** Where a run's samples come from. */
    interface Loader {
        TrainingData.Sets load(String owner, DataChoice choice) throws java.io.IOException;
    }

    /** Builds the network and the trainer on the samples just loaded: the first thing a run's first slice does. */
    private void prepare(TrainingData.Sets loaded) {
        TrainingData.Sets sets = loaded.shapedFor(request.spec().input());
        Sequential m = Sequential.build(request.spec(), new SplittableRandom(request.seed()));
        Dataset train = sets.train();
        double validation = request.validationFor(train.size());
        int batchesPerEpoch = (request.trainedSamples(train.size()) + request.batchSize() - 1) / request.batchSize();
        int eventEvery = ReportCadence.every(batchesPerEpoch, request.epochs());
        Trainer t = new Trainer(m, LossChoice.forModel(request.spec()), request.optimizer().create(), train,
                new TrainerConfig(request.epochs(), request.batchSize(), validation, request.seed(), eventEvery, 0));
        if (request.augment()) {
            t.withBatchTransform(Augmentation.standard().asBatchTransform(new SplittableRandom(request.seed() ^ 0x9E3779B97F4A7C15L)));
        }
        model = m;
        trainer = t;
        test = sets.test();
        reports.attach(m, t, test);
        if (request.pretrains()) {
            pretraining = new LayerwisePretraining(request.spec(), t.trainingData(), request.pretrainEpochs(), request.seed());
            pretrainingProgress = pretraining.progress();
        }
        synchronized (this) {
            trainSize = t.trainingData().size();
        }
        int reports = (int) Math.min(100_000, (long) batchesPerEpoch * request.epochs() / eventEvery + 2);
        records.started(m, System.nanoTime(), reports, request.epochs());
    }

    /**
     * The run is over. When it trained: the best checkpoint (by validation accuracy) becomes the model, the
     * test images are scored, and when {@code keepModel} (the model is sound) it is kept as file bytes. Then
     * everything it trained with goes at once, so its memory can be reclaimed; what the page needs stays.
     */
    private Slice finish(JobState outcome, Message reason, boolean keepModel) {
        JobState end = outcome;
        Message why = reason;
        try {
            if (model != null && keepModel) {
                reports.finalScore();
                modelBytes = ModelFile.toBytes(model, pretrained);
            }
        } catch (Exception | OutOfMemoryError e) {
            log.warn("training job {} failed at its end", id, e);
            end = JobState.FAILED;
            why = Message.explain(e);
            modelBytes = null;
        } finally {
            model = null;
            trainer = null;
            pretraining = null;
            reports.detach();
        }
        synchronized (this) {
            end(end, why);
            leaveLine();
        }
        return Slice.ENDED;
    }

    private void leaveLine() {
        inLine = false;
        turn = null;
    }

    private void end(JobState outcome, Message reason) {
        state = outcome;
        message = reason;
        finishedAt = System.nanoTime();
        log.info("training job {} of {} ended: {} {}", id, owner, outcome, message);
    }

    /** A copy of the network with its weights after the last epoch, when the run keeps them (see {@link LiveModel}). */
    Sequential latestModel() {
        return reports.latestModel();
    }

    /** The test images (null before the run has loaded its data). */
    Dataset testSet() {
        return test;
    }

    /** The model in the engine's file format once the run is over (the best checkpoint), or null. */
    byte[] modelFile() {
        return modelBytes;
    }
}
