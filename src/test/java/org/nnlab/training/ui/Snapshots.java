package org.nnlab.training.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobSnapshot.EpochPoint;
import org.nnlab.training.JobSnapshot.HealthPoint;
import org.nnlab.training.JobSnapshot.TrainPoint;
import org.nnlab.training.JobState;

/** Hand-made snapshots of a two-layer run, for tests of how the parts show them. */
final class Snapshots {
    private Snapshots() {
    }

    /** A running job after {@code steps} steps (one point per step, an epoch every 10 steps). */
    static JobSnapshot running(JobId id, int steps, JobSnapshot.Confusion confusion) {
        return at(id, JobState.RUNNING, steps, Double.NaN, Double.NaN, confusion);
    }

    static JobSnapshot at(JobId id, JobState state, int steps, double samplesPerSecond, double secondsLeft,
                          JobSnapshot.Confusion confusion) {
        List<TrainPoint> train = new ArrayList<>();
        List<HealthPoint> health = new ArrayList<>();
        List<EpochPoint> epochs = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            train.add(new TrainPoint(step, 2.0 / step, 1 - 1.0 / (step + 1)));
            health.add(new HealthPoint(step, new double[] {0.5 / step, 0.25 / step}, new double[] {1e-3, 2e-3}));
            if (step % 10 == 0) {
                epochs.add(new EpochPoint(step / 10 - 1, step, 1.0 / step, 0.9, 1.1 / step, 0.85));
            }
        }
        return new JobSnapshot(id, "perceptron", state, 0, null, steps, epochs.size(), 5, steps / 50.0,
                samplesPerSecond, secondsLeft, 7850, Instant.EPOCH, List.of("dense 1", "dense 2"), train, epochs,
                health, null, confusion, Double.NaN, -1);
    }

    /** A 10-class confusion matrix with {@code right} images on each diagonal cell and one 3-read-as-5. */
    static JobSnapshot.Confusion confusion(long right) {
        long[] counts = new long[100];
        for (int c = 0; c < 10; c++) {
            counts[c * 10 + c] = right;
        }
        counts[3 * 10 + 5] = 1;
        return new JobSnapshot.Confusion(10, counts, new int[100][0]);
    }

    /** {@code s} with other weight pictures. */
    static JobSnapshot withVisuals(JobSnapshot s, JobSnapshot.Visuals visuals) {
        return new JobSnapshot(s.id(), s.networkName(), s.state(), s.queuePosition(), s.message(), s.step(), s.epoch(),
                s.epochs(), s.progress(), s.samplesPerSecond(), s.secondsLeft(), s.parameters(), s.created(),
                s.layerNames(), s.train(), s.epochHistory(), s.health(), visuals, s.confusion(),
                s.bestValidationAccuracy(), s.bestEpoch());
    }
}
