package org.nnlab.training;

import java.io.Serializable;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.spec.ModelSpec;

/**
 * Everything a training job needs, fixed when it starts: the network ({@code networkName} is what people
 * see, e.g. a preset's name), the data, the optimizer with its learning rate and weight decay, mini-batch
 * size, epochs, seed, whether training images are randomly distorted, and the fraction of the training
 * samples held out for validation; {@code pretrainEpochs} above 0 first pretrains a dense sigmoid stack layer by
 * layer, each hidden layer an RBM trained that many epochs (see {@link LayerwisePretraining}).
 */
public record TrainingRequest(String networkName, ModelSpec spec, DataChoice data, OptimizerConfig optimizer,
                              int batchSize, int epochs, long seed, boolean augment, double validationFraction,
                              int pretrainEpochs) implements Serializable {
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
        if (pretrainEpochs < 0) {
            throw new IllegalArgumentException("pretraining epochs must be 0 (none) or more, got " + pretrainEpochs);
        }
        networkName = networkName == null || networkName.isBlank() ? "custom" : networkName;
    }

    /** A run without pretraining. */
    public TrainingRequest(String networkName, ModelSpec spec, DataChoice data, OptimizerConfig optimizer,
                           int batchSize, int epochs, long seed, boolean augment, double validationFraction) {
        this(networkName, spec, data, optimizer, batchSize, epochs, seed, augment, validationFraction, 0);
    }

    public boolean pretrains() {
        return pretrainEpochs > 0;
    }

    /** The share of {@code size} samples a run holds out for validation: none with fewer than 50 samples. */
    public double validationFor(int size) {
        return size >= 50 ? validationFraction : 0;
    }

    /** How many of {@code size} samples a run trains on, after its validation split (as {@code Dataset.split} cuts it). */
    public int trainedSamples(int size) {
        return size - (int) Math.round(size * validationFor(size));
    }

    /** Sent to another server (a cluster member that trains the run) with its network in its JSON form. */
    private Object writeReplace() {
        return new Sent(networkName, spec.toJson(), data, optimizer, batchSize, epochs, seed, augment, validationFraction,
                pretrainEpochs);
    }

    private record Sent(String networkName, String spec, DataChoice data, OptimizerConfig optimizer, int batchSize,
                        int epochs, long seed, boolean augment, double validationFraction, int pretrainEpochs)
            implements Serializable {
        private Object readResolve() {
            return new TrainingRequest(networkName, ModelSpec.fromJson(spec), data, optimizer, batchSize, epochs, seed,
                    augment, validationFraction, pretrainEpochs);
        }
    }
}
