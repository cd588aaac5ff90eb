package org.nnlab.engine.model;

import java.util.List;
import org.nnlab.engine.text.Message;

/**
 * What a {@link Trainer} reports: {@link BatchDone} every k steps, {@link EpochDone} at each epoch end,
 * and {@link TrainingEnded} once when {@code fit} returns. Validation values are NaN when there is no
 * validation set.
 */
public sealed interface TrainerEvent {
    /** Optimizer steps taken so far (1 after the first mini-batch). */
    int step();

    /**
     * Progress inside an epoch. {@code loss} and {@code accuracy} are means over the batches since the
     * previous report; {@code samplesPerSecond} is measured over the same batches.
     */
    record BatchDone(int step, int epoch, int batch, int batches, double loss, double accuracy,
                     double samplesPerSecond, List<LayerStats> layers) implements TrainerEvent {
    }

    /**
     * End of epoch {@code epoch} (0-based): training means and throughput over the epoch, validation
     * metrics, and the layer stats of its last step.
     */
    record EpochDone(int step, int epoch, double loss, double accuracy, double samplesPerSecond,
                     double validationLoss, double validationAccuracy, List<LayerStats> layers) implements TrainerEvent {
        public boolean hasValidation() {
            return !Double.isNaN(validationLoss);
        }
    }

    /** Training stopped: all epochs done, cancelled, or diverged (then {@code reason} says how). */
    record TrainingEnded(int step, int epochs, Outcome outcome, Message reason) implements TrainerEvent {
    }

    enum Outcome { COMPLETED, CANCELLED, DIVERGED }

    /**
     * Health of one layer with parameters after a step: the L2 norm of its gradient (before clipping), and
     * ‖Δw‖ / ‖w‖, the size of the update relative to the weights (about 1e-3 is healthy; far below
     * means the layer barely learns, e.g. vanishing gradients).
     */
    record LayerStats(int layer, String kind, double gradientNorm, double updateRatio) {
    }
}
