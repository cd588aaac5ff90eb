package org.nnlab.engine.optim;

/** The update rules an {@link OptimizerConfig} can name. */
public enum OptimizerKind {
    SGD,
    ADAM,
    RMSPROP
}
