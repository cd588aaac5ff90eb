package org.nnlab.engine.optim;

import java.util.List;
import org.nnlab.engine.layer.Param;

/**
 * An update rule: {@link #step} changes every parameter value using its gradient. State such as
 * momentum is kept per {@link Param} (by identity), so pass the same Param objects at every step.
 * Gradients are read, not cleared. Used by one thread at a time.
 */
public interface Optimizer {
    void step(List<Param> params);

    double learningRate();

    void setLearningRate(double learningRate);
}
