package org.nnlab.training;

import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.spec.ModelSpec;

/**
 * Everything a training job needs, fixed when it starts: the network ({@code networkName} is what people
 * see, e.g. a preset's name), the data, the optimizer with its learning rate and weight decay, mini-batch
 * size, epochs, seed, whether training images are randomly distorted, and the fraction of the training
 * samples held out for validation.
 */
public record TrainingRequest(String networkName, ModelSpec spec, DataChoice data, OptimizerConfig optimizer,
                              int batchSize, int epochs, long seed, boolean augment, double validationFraction) {
    public TrainingRequest {
        if (spec == null || data == null || optimizer == null) {
            throw new IllegalArgumentException("a training request needs a network, data and an optimizer");
        }
        if (batchSize < 1 || epochs < 1) {
            throw new IllegalArgumentException("batch size and epochs must be at least 1, got batch size "
                    + batchSize + " and " + epochs + " epochs");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        networkName = networkName == null || networkName.isBlank() ? "custom" : networkName;
    }
}
