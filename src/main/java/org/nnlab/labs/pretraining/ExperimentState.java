package org.nnlab.labs.pretraining;

import java.util.List;

/**
 * Where the DBN experiment is, for the page.
 *
 * @param phase           what it does now
 * @param layer           the RBM being pretrained (0 = bottom) while pretraining
 * @param layers          RBMs in the stack
 * @param pretrainSeconds wall-clock time of the pretraining once done (NaN before)
 * @param layerErrors     each pretrained RBM's reconstruction error in its last epoch
 * @param labels          labels of the run going on while fine-tuning
 * @param pretrained      whether the run going on starts from the pretrained stack
 * @param progress        fraction of the current layer or run done, in [0, 1]
 * @param testImages      test images the accuracies are measured on
 * @param rows            the finished runs, in order
 * @param runs            runs the experiment has in all
 */
public record ExperimentState(Phase phase, int layer, int layers, double pretrainSeconds, List<Double> layerErrors,
                              int labels, boolean pretrained, double progress, int testImages, List<ExperimentRow> rows,
                              int runs) {
    public enum Phase { LOADING, PRETRAINING, FINE_TUNING, DONE }

    public boolean isDone() {
        return phase == Phase.DONE;
    }
}
