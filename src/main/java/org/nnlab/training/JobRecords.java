package org.nnlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.model.Report;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.training.JobSnapshot.Confusion;
import org.nnlab.training.JobSnapshot.EpochPoint;
import org.nnlab.training.JobSnapshot.HealthPoint;
import org.nnlab.training.JobSnapshot.TrainPoint;

/**
 * What a run has produced for people to see: the histories, the weight pictures, the confusion matrix on
 * the test images, the best validation accuracy, the progress and speed. Written only by the thread that
 * runs the job's slice (one at a time), into numbers and arrays kept for the whole run, so that recording
 * allocates nothing per batch: the histories are columns of numbers ({@link Series}), the pictures and the
 * matrix are drawn into a second set of arrays and swapped in. Readers take this object's lock for a moment
 * and get an unchanging {@link Seen}, made when something changed since the last one was made (the
 * histories as views that copy nothing, the pictures and the matrix copied once per new drawing).
 */
final class JobRecords {
    private static final int MAX_POINTS = 3000;
    private static final Series.Point<TrainPoint> TRAIN = (steps, v, c, i) -> new TrainPoint(steps[i], v[i * c], v[i * c + 1]);
    private static final Series.Point<EpochPoint> EPOCH = (steps, v, c, i) -> new EpochPoint((int) v[i * c], steps[i],
            v[i * c + 1], v[i * c + 2], v[i * c + 3], v[i * c + 4]);
    private static final Series.Point<HealthPoint> HEALTH = (steps, v, c, i) -> new HealthPoint(steps[i],
            Arrays.copyOfRange(v, i * c, i * c + c / 2), Arrays.copyOfRange(v, i * c + c / 2, i * c + c));

    /** Everything a snapshot shows of the records, as it was at one moment. */
    record Seen(List<String> layerNames, List<TrainPoint> train, List<EpochPoint> epochs, List<HealthPoint> health,
                JobSnapshot.Visuals visuals, Confusion confusion, double bestValidationAccuracy, int bestEpoch,
                Trainer.Progress progress, double samplesPerSecond, boolean rateSettled) {
    }

    // under this object's lock
    private List<String> layerNames = List.of();
    private Series train = new Series(2, 1, MAX_POINTS);
    private Series epochs = new Series(5, 1, Integer.MAX_VALUE - 8);
    private Series health = new Series(0, 1, MAX_POINTS);
    private final RateMeter rate = new RateMeter();
    private double bestValidationAccuracy = Double.NaN;
    private int bestEpoch = -1;
    private int step;
    private int epoch;
    private long samples;
    private WeightPictures pictures;
    private ConfusionScorer.Counts confusion;
    private long version;
    private long picturesVersion;
    private long confusionVersion;
    private Seen made;
    private long madeVersion = -1;
    private JobSnapshot.Visuals madeVisuals;
    private long madeVisualsVersion;
    private Confusion madeConfusion;
    private long madeConfusionVersion;

    // the writer's own: drawn into, then swapped with the ones above
    private WeightPictures picturesBack = new WeightPictures();
    private ConfusionScorer.Counts confusionBack = new ConfusionScorer.Counts();

    /** An unchanging picture of the records now. */
    synchronized Seen seen() {
        if (madeVersion != version) {
            if (madeVisualsVersion != picturesVersion) {
                madeVisuals = pictures == null ? null : pictures.toVisuals();
                madeVisualsVersion = picturesVersion;
            }
            if (madeConfusionVersion != confusionVersion) {
                madeConfusion = confusion == null ? null : confusion.toConfusion();
                madeConfusionVersion = confusionVersion;
            }
            made = new Seen(layerNames, train.view(TRAIN), epochs.view(EPOCH), health.view(HEALTH), madeVisuals,
                    madeConfusion, bestValidationAccuracy, bestEpoch, new Trainer.Progress(step, epoch, samples),
                    rate.perSecond(), rate.isSettled());
            madeVersion = version;
        }
        return made;
    }

    /**
     * The network is built: its layers with parameters name the health figures, the histories get room for
     * the {@code reports} and {@code epochs} planned, the speed clock starts.
     */
    void started(Sequential model, long now, int reports, int plannedEpochs) {
        List<String> names = new ArrayList<>();
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).params().isEmpty()) {
                names.add((i + 1) + " " + layers.get(i).spec().kind());
            }
        }
        synchronized (this) {
            layerNames = List.copyOf(names);
            train = new Series(2, reports, MAX_POINTS);
            health = new Series(2 * names.size(), reports, MAX_POINTS);
            epochs = new Series(5, plannedEpochs + 1, Integer.MAX_VALUE - 8);
            rate.add(now, 0);
            version++;
        }
    }

    synchronized void batchDone(Report r, long samplesSoFar) {
        train.add(r.step());
        train.set(0, r.loss());
        train.set(1, r.accuracy());
        health.add(r.step());
        int layers = r.layerCount();
        for (int k = 0; k < layers; k++) {
            health.set(k, r.gradientNorm(k));
            health.set(layers + k, r.updateRatio(k));
        }
        progress(r.step(), r.epoch(), samplesSoFar);
    }

    /** An epoch ended; returns true when its validation accuracy is the best so far (the checkpoint to keep). */
    synchronized boolean epochDone(Report r, int epochsDone, long samplesSoFar) {
        epochs.add(r.step());
        epochs.set(0, r.epoch());
        epochs.set(1, r.loss());
        epochs.set(2, r.accuracy());
        epochs.set(3, r.validationLoss());
        epochs.set(4, r.validationAccuracy());
        boolean best = r.hasValidation() && !(r.validationAccuracy() <= bestValidationAccuracy);
        if (best) {
            bestValidationAccuracy = r.validationAccuracy();
            bestEpoch = r.epoch();
        }
        progress(r.step(), epochsDone, samplesSoFar);
        return best;
    }

    private void progress(int steps, int epochsDone, long samplesSoFar) {
        step = steps;
        epoch = epochsDone;
        samples = samplesSoFar;
        version++;
    }

    /** After a slice: the speed clock and the progress. */
    synchronized void sliceDone(long now, int steps, int epochsDone, long samplesSoFar) {
        rate.add(now, samplesSoFar);
        progress(steps, epochsDone, samplesSoFar);
    }

    /** The writer's arrays to draw the next weight pictures into; {@link #picturesDrawn} shows them. */
    WeightPictures picturesToDraw() {
        return picturesBack;
    }

    void picturesDrawn() {
        WeightPictures drawn = picturesBack;
        synchronized (this) {
            picturesBack = pictures == null ? new WeightPictures() : pictures;
            pictures = drawn;
            picturesVersion++;
            version++;
        }
    }

    /** The writer's arrays to score the next confusion matrix into; {@link #confusionScored} shows it. */
    ConfusionScorer.Counts confusionToFill() {
        return confusionBack;
    }

    void confusionScored() {
        ConfusionScorer.Counts scored = confusionBack;
        synchronized (this) {
            confusionBack = confusion == null ? new ConfusionScorer.Counts() : confusion;
            confusion = scored;
            confusionVersion++;
            version++;
        }
    }
}
