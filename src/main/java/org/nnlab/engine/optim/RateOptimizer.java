package org.nnlab.engine.optim;

/** What every optimizer here shares: a learning rate, checked to be positive whenever it is set. */
abstract class RateOptimizer implements Optimizer {
    private double learningRate;

    RateOptimizer(double learningRate) {
        setLearningRate(learningRate);
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(double learningRate) {
        Hyper.positive("learning rate", learningRate);
        this.learningRate = learningRate;
    }
}
