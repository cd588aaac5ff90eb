package org.nnlab.training;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.nnlab.engine.text.Message;

/**
 * A job as its owner sees it at one moment, immutable. Histories grow from the start of the run (long
 * ones are thinned to at most a few thousand points; the lists are views shared between snapshots, never
 * changed); {@code visuals} and {@code confusion} are null until there is something to show. Rates are NaN
 * while unknown; the time left stays NaN until the speed has been measured for a few seconds.
 *
 * @param queuePosition    1 for the next job to get a place, 0 when not waiting
 * @param message          why the job failed (the engine's explanation), otherwise {@code null}
 * @param progress         0..1, samples trained over samples planned
 * @param layerNames       the layers with parameters, in the order of {@link HealthPoint}'s arrays
 * @param bestValidationAccuracy best validation accuracy after an epoch (NaN before), the checkpoint kept
 */
public record JobSnapshot(JobId id, String networkName, JobState state, int queuePosition, Message message,
                          int step, int epoch, int epochs, double progress, double samplesPerSecond,
                          double secondsLeft, long parameters, Instant created, List<String> layerNames,
                          List<TrainPoint> train, List<EpochPoint> epochHistory, List<HealthPoint> health,
                          Visuals visuals, Confusion confusion, double bestValidationAccuracy, int bestEpoch)
        implements Serializable {

    /** Mean training loss and accuracy of the mini-batches up to {@code step}. */
    public record TrainPoint(int step, double loss, double accuracy) implements Serializable {
    }

    /** One finished epoch (0-based): training means and validation metrics (NaN without validation). */
    public record EpochPoint(int epoch, int step, double loss, double accuracy, double validationLoss,
                             double validationAccuracy) implements Serializable {
    }

    /** Per layer with parameters, at {@code step}: gradient L2 norm and ‖Δw‖/‖w‖ of the update. */
    public record HealthPoint(int step, double[] gradientNorms, double[] updateRatios) implements Serializable {
    }

    /** What the weights look like now: a histogram per layer and the first layer's filters. */
    public record Visuals(int step, List<Histogram> histograms, Filters filters) implements Serializable {
    }

    /** Counts of weight values in {@code counts.length} equal bins from {@code min} to {@code max}. */
    public record Histogram(String layer, double min, double max, int[] counts) implements Serializable {
    }

    /** {@code count} images of {@code rows}×{@code cols}, one after another, raw weight values. */
    public record Filters(int count, int rows, int cols, float[] values) implements Serializable {
    }

    /**
     * The confusion matrix on the test images: during the run the model's at its latest validation (each
     * epoch's end), once the run is over the kept checkpoint's. {@code counts[t * classes + p]} test images of
     * class t were predicted as p; {@code examples} holds up to a dozen test image indices per cell.
     */
    public record Confusion(int classes, long[] counts, int[][] examples) implements Serializable {
        public long count(int actual, int predicted) {
            return counts[actual * classes + predicted];
        }

        public double accuracy() {
            long all = 0;
            long right = 0;
            for (int i = 0; i < counts.length; i++) {
                all += counts[i];
                if (i / classes == i % classes) {
                    right += counts[i];
                }
            }
            return all == 0 ? Double.NaN : (double) right / all;
        }
    }

    public boolean isFinal() {
        return state.isFinal();
    }
}
