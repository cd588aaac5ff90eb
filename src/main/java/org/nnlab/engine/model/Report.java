package org.nnlab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nnlab.engine.model.TrainerEvent.LayerStats;

/**
 * One report of a {@link Trainer} as plain values in storage the trainer keeps from report to report: what
 * {@link TrainerEvent.BatchDone} and {@link TrainerEvent.EpochDone} carry, without an object per report. For
 * callers that copy the values into records of their own and must not allocate per batch (the session
 * engine, thirty runs at once); it is valid only during the call that hands it out. The layers are those
 * with parameters, in the model's order.
 */
public final class Report {
    /** Receives a trainer's reports (see {@link Trainer#runSlice(int, long, boolean, Listener, TrainingControl)}). */
    public interface Listener {
        /** Every k steps (and every step in single-step mode): means since the previous report. */
        void batchDone(Report report);

        /** An epoch ended: its means, the validation metrics and the layer stats of its last step. */
        void epochDone(Report report);

        /** Training stopped; reported once. */
        void ended(TrainerEvent.TrainingEnded ended);
    }

    private final int[] layers;
    private final String[] kinds;
    private final double[] gradientNorms;
    private final double[] updateRatios;
    int step;
    int epoch;
    int batch;
    int batches;
    double loss;
    double accuracy;
    double samplesPerSecond;
    double validationLoss = Double.NaN;
    double validationAccuracy = Double.NaN;

    Report(int[] layers, String[] kinds) {
        this.layers = layers;
        this.kinds = kinds;
        this.gradientNorms = new double[layers.length];
        this.updateRatios = new double[layers.length];
    }

    public int step() {
        return step;
    }

    /** The epoch (0-based) the report belongs to. */
    public int epoch() {
        return epoch;
    }

    public double loss() {
        return loss;
    }

    public double accuracy() {
        return accuracy;
    }

    public double samplesPerSecond() {
        return samplesPerSecond;
    }

    /** NaN without a validation set, and in batch reports. */
    public double validationLoss() {
        return validationLoss;
    }

    public double validationAccuracy() {
        return validationAccuracy;
    }

    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }

    /** How many layers with parameters the stats cover. */
    public int layerCount() {
        return layers.length;
    }

    /** The L2 norm of the {@code i}-th reported layer's gradient (before clipping). */
    public double gradientNorm(int i) {
        return gradientNorms[i];
    }

    /** ‖Δw‖ / ‖w‖ of the {@code i}-th reported layer's last update. */
    public double updateRatio(int i) {
        return updateRatios[i];
    }

    void setLayer(int i, double gradientNorm, double updateRatio) {
        gradientNorms[i] = gradientNorm;
        updateRatios[i] = updateRatio;
    }

    /** Index in the model of the {@code i}-th reported layer. */
    int layerIndex(int i) {
        return layers[i];
    }

    /** The layer stats as the events carry them (a new list). */
    public List<LayerStats> layerStats() {
        List<LayerStats> out = new ArrayList<>(layers.length);
        for (int i = 0; i < layers.length; i++) {
            out.add(new LayerStats(layers[i], kinds[i], gradientNorms[i], updateRatios[i]));
        }
        return out;
    }

    /** A listener that hands {@code events} a new event object for every report. */
    static Listener events(Consumer<? super TrainerEvent> events) {
        return new Listener() {
            @Override
            public void batchDone(Report r) {
                events.accept(new TrainerEvent.BatchDone(r.step, r.epoch, r.batch, r.batches, r.loss, r.accuracy,
                        r.samplesPerSecond, r.layerStats()));
            }

            @Override
            public void epochDone(Report r) {
                events.accept(new TrainerEvent.EpochDone(r.step, r.epoch, r.loss, r.accuracy, r.samplesPerSecond,
                        r.validationLoss, r.validationAccuracy, r.layerStats()));
            }

            @Override
            public void ended(TrainerEvent.TrainingEnded ended) {
                events.accept(ended);
            }
        };
    }
}
