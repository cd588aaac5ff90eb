package org.nnlab.training;

import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.model.Report;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerEvent;
import org.nnlab.engine.model.WeightSnapshot;

/**
 * What a {@link TrainingJob}'s slices record besides training: the trainer's reports copied into the
 * {@link JobRecords} (the report's storage is the trainer's, reused), the confusion matrix at an epoch's end
 * now and then, the weight pictures about once a second, the best checkpoint and the latest weights. Used
 * only by the thread running the job's slice; allocates nothing per batch once warm.
 */
final class RunReports implements Report.Listener {
    private static final long VISUALS_EVERY_NANOS = 1_000_000_000L;
    /**
     * The confusion matrix is scored again at an epoch's end once the run has trained this long since the
     * last time, counted in its own slices' time: a lone run with short epochs does not score at every
     * one, and thirty runs sharing the cores score as often per batch as one alone.
     */
    private static final long CONFUSION_EVERY_NANOS = 1_000_000_000L;

    private final JobRecords records;
    private final TrainingRequest request;
    private final ConfusionScorer confusion = new ConfusionScorer();
    private final LatestWeights latestWeights = new LatestWeights();
    private Sequential model;
    private Trainer trainer;
    private Dataset test;
    private WeightSnapshot bestWeights;
    private long lastVisuals;
    /** This run's own training time (its slices) since the confusion matrix was last scored, in ns. */
    private long sinceConfusion = CONFUSION_EVERY_NANOS;
    private long sliceStart;

    RunReports(JobRecords records, TrainingRequest request) {
        this.records = records;
        this.request = request;
    }

    /** The run has built its network: it reports from now on. */
    void attach(Sequential model, Trainer trainer, Dataset test) {
        this.model = model;
        this.trainer = trainer;
        this.test = test;
    }

    void sliceStarts() {
        sliceStart = System.nanoTime();
    }

    /** A slice ended with more to train: the speed clock, the progress and, when due, the weight pictures. */
    void sliceEnds(boolean single) {
        long now = System.nanoTime();
        sinceConfusion += now - sliceStart;
        if (single || now - lastVisuals >= VISUALS_EVERY_NANOS) {
            lastVisuals = now;
            drawPictures();
        }
        records.sliceDone(now, trainer.steps(), trainer.epochs(), trainer.samples());
    }

    @Override
    public void batchDone(Report r) {
        records.batchDone(r, trainer.samples());
    }

    @Override
    public void epochDone(Report r) {
        // the confusion matrix follows the run: scored on the test images at a validation, now and then
        long now = System.nanoTime();
        if (sinceConfusion + (now - sliceStart) >= CONFUSION_EVERY_NANOS) {
            scoreConfusion();
            sinceConfusion = 0;
            sliceStart = System.nanoTime();
        }
        if (records.epochDone(r, trainer.epochs(), trainer.samples())) {
            // the best checkpoint so far, copied into the same buffer every time
            if (bestWeights == null) {
                bestWeights = model.copyWeights();
            } else {
                bestWeights.capture();
            }
        }
        if (LiveModel.wanted(request.data())) {
            latestWeights.keep(model);
        }
    }

    @Override
    public void ended(TrainerEvent.TrainingEnded ended) {
        // the trainer's runSlice returns it too
    }

    /** The run is over and trained: the best checkpoint becomes the model, which is scored and pictured once more. */
    void finalScore() {
        if (bestWeights != null) {
            bestWeights.restore();
        }
        scoreConfusion();
        drawPictures();
        records.sliceDone(System.nanoTime(), trainer.steps(), trainer.epochs(), trainer.samples());
    }

    /** Lets go of the network and everything trained with it. */
    void detach() {
        model = null;
        trainer = null;
        bestWeights = null;
    }

    /** A copy of the network with its weights after the last epoch, when the run keeps them (see {@link LiveModel}). */
    Sequential latestModel() {
        return latestWeights.model(request.spec());
    }

    private void scoreConfusion() {
        confusion.score(model, test, request.batchSize(), records.confusionToFill());
        records.confusionScored();
    }

    private void drawPictures() {
        records.picturesToDraw().measure(model, trainer.steps());
        records.picturesDrawn();
    }
}
