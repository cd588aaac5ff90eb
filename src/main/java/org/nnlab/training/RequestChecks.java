package org.nnlab.training;

/**
 * The server's checks of a {@link TrainingRequest}'s settings (the form checks them too, but a request
 * need not come from the form): each refusal names the setting, the value and the allowed range.
 */
final class RequestChecks {
    static final double MAX_WEIGHT_DECAY = 1;
    static final double MAX_VALIDATION_FRACTION = 0.5;
    static final int MAX_NAME_LENGTH = 120;

    private RequestChecks() {
    }

    static void check(TrainingRequest request, TrainingProperties limits) {
        if (request.networkName().length() > MAX_NAME_LENGTH) {
            throw new TrainingRefusedException("train.error.networkName", "the network name has "
                    + request.networkName().length() + " characters; at most " + MAX_NAME_LENGTH + " are allowed",
                    request.networkName().length(), MAX_NAME_LENGTH);
        }
        if (request.batchSize() < 1 || request.batchSize() > limits.maxBatchSize()) {
            throw new TrainingRefusedException("train.error.batchSize", "the batch size must be 1 to "
                    + limits.maxBatchSize() + ", got " + request.batchSize(), request.batchSize(), limits.maxBatchSize());
        }
        if (request.epochs() < 1 || request.epochs() > limits.maxEpochs()) {
            throw new TrainingRefusedException("train.error.epochs", "the number of epochs must be 1 to "
                    + limits.maxEpochs() + ", got " + request.epochs(), request.epochs(), limits.maxEpochs());
        }
        if (request.pretrainEpochs() < 0 || request.pretrainEpochs() > limits.maxEpochs()) {
            throw new TrainingRefusedException("train.error.pretrainEpochs", "pretraining epochs per layer must be 0 to "
                    + limits.maxEpochs() + ", got " + request.pretrainEpochs(), request.pretrainEpochs(), limits.maxEpochs());
        }
        double rate = request.optimizer().learningRate();
        if (!(rate > 0 && rate <= limits.maxLearningRate())) {
            throw new TrainingRefusedException("train.error.learningRate", "the learning rate must be above 0 and at most "
                    + limits.maxLearningRate() + ", got " + rate, rate, limits.maxLearningRate());
        }
        double decay = request.optimizer().weightDecay();
        if (!(decay >= 0 && decay <= MAX_WEIGHT_DECAY)) {
            throw new TrainingRefusedException("train.error.weightDecay", "the weight decay must be 0 to "
                    + MAX_WEIGHT_DECAY + ", got " + decay, decay, MAX_WEIGHT_DECAY);
        }
        double fraction = request.validationFraction();
        if (!(fraction >= 0 && fraction <= MAX_VALIDATION_FRACTION)) {
            throw new TrainingRefusedException("train.error.validationFraction", "the validation fraction must be 0 to "
                    + MAX_VALIDATION_FRACTION + ", got " + fraction, fraction, MAX_VALIDATION_FRACTION);
        }
        if (request.augment() && request.spec().input().rank() < 2) {
            throw new TrainingRefusedException("train.error.augment", "augmentation distorts images, but the network's"
                    + " input " + request.spec().input() + " is not an image", request.spec().input().toString());
        }
    }
}
