package org.nnlab.training;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerEvent;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.training.JobSnapshot.Confusion;
import org.nnlab.training.JobSnapshot.EpochPoint;
import org.nnlab.training.JobSnapshot.HealthPoint;
import org.nnlab.training.JobSnapshot.TrainPoint;

/**
 * What a run has produced for people to see: the histories, the weight pictures, the confusion matrix on
 * the test images, the best validation accuracy, the progress and speed. Written only by the thread that
 * runs the job's slice (one at a time); after each change the whole is published as one unchanging
 * {@link Seen}, so readers take no lock and copy nothing.
 */
final class JobRecords {
    private static final int MAX_POINTS = 3000;

    /** Everything a snapshot shows of the records, as it was at one moment. */
    record Seen(List<String> layerNames, List<TrainPoint> train, List<EpochPoint> epochs, List<HealthPoint> health,
                JobSnapshot.Visuals visuals, Confusion confusion, double bestValidationAccuracy, int bestEpoch,
                Trainer.Progress progress, double samplesPerSecond, boolean rateSettled) {
    }

    private final History<TrainPoint> trainHistory = new History<>(MAX_POINTS);
    private final History<EpochPoint> epochHistory = new History<>(Integer.MAX_VALUE - 8);
    private final History<HealthPoint> healthHistory = new History<>(MAX_POINTS);
    private final RateMeter rate = new RateMeter();
    private volatile Seen seen = new Seen(List.of(), List.of(), List.of(), List.of(), null, null, Double.NaN, -1,
            new Trainer.Progress(0, 0, 0), Double.NaN, false);

    Seen seen() {
        return seen;
    }

    /** The network is built: its layers with parameters name the health figures; the speed clock starts. */
    void started(Sequential model, long now) {
        List<String> names = new ArrayList<>();
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).params().isEmpty()) {
                names.add((i + 1) + " " + layers.get(i).spec().kind());
            }
        }
        rate.add(now, 0);
        Seen s = seen;
        seen = new Seen(List.copyOf(names), s.train(), s.epochs(), s.health(), s.visuals(), s.confusion(),
                s.bestValidationAccuracy(), s.bestEpoch(), s.progress(), s.samplesPerSecond(), s.rateSettled());
    }

    void batchDone(TrainerEvent.BatchDone b, Trainer.Progress progress) {
        trainHistory.add(new TrainPoint(b.step(), b.loss(), b.accuracy()));
        healthHistory.add(health(b.step(), b.layers()));
        Seen s = seen;
        seen = new Seen(s.layerNames(), trainHistory.view(), s.epochs(), healthHistory.view(), s.visuals(),
                s.confusion(), s.bestValidationAccuracy(), s.bestEpoch(), progress, s.samplesPerSecond(), s.rateSettled());
    }

    /** An epoch ended; returns true when its validation accuracy is the best so far (the checkpoint to keep). */
    boolean epochDone(TrainerEvent.EpochDone e, Trainer.Progress progress, Confusion confusion) {
        epochHistory.add(new EpochPoint(e.epoch(), e.step(), e.loss(), e.accuracy(), e.validationLoss(),
                e.validationAccuracy()));
        Seen s = seen;
        boolean best = e.hasValidation() && !(e.validationAccuracy() <= s.bestValidationAccuracy());
        seen = new Seen(s.layerNames(), s.train(), epochHistory.view(), s.health(), s.visuals(),
                confusion == null ? s.confusion() : confusion, best ? e.validationAccuracy() : s.bestValidationAccuracy(),
                best ? e.epoch() : s.bestEpoch(), progress, s.samplesPerSecond(), s.rateSettled());
        return best;
    }

    /** After a slice: the speed clock, the progress, and (when given) new weight pictures or a final confusion matrix. */
    void sliceDone(long now, Trainer.Progress progress, JobSnapshot.Visuals visuals, Confusion confusion) {
        rate.add(now, progress.samples());
        Seen s = seen;
        seen = new Seen(s.layerNames(), s.train(), s.epochs(), s.health(), visuals == null ? s.visuals() : visuals,
                confusion == null ? s.confusion() : confusion, s.bestValidationAccuracy(), s.bestEpoch(), progress,
                rate.perSecond(), rate.isSettled());
    }

    private static HealthPoint health(int step, List<TrainerEvent.LayerStats> stats) {
        double[] norms = new double[stats.size()];
        double[] ratios = new double[stats.size()];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = stats.get(i).gradientNorm();
            ratios[i] = stats.get(i).updateRatio();
        }
        return new HealthPoint(step, norms, ratios);
    }
}
