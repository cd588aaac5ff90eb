package org.nnlab.engine.optim;

import java.io.Serializable;

/**
 * An optimizer as settings (for forms and saved jobs): the rule, learning rate, momentum (SGD only;
 * 0 for none) and L2 weight decay. Other hyper-parameters take PyTorch's defaults.
 */
public record OptimizerConfig(OptimizerKind kind, double learningRate, double momentum, double weightDecay)
        implements Serializable {
    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("choose an optimizer: SGD, ADAM or RMSPROP");
        }
        Hyper.positive("learning rate", learningRate);
        Hyper.fraction("momentum", momentum);
        Hyper.nonNegative("weight decay", weightDecay);
        if (momentum != 0 && kind != OptimizerKind.SGD) {
            throw new IllegalArgumentException("momentum applies to SGD only, got momentum=" + momentum + " for " + kind);
        }
    }

    public Optimizer create() {
        return switch (kind) {
            case SGD -> new Sgd(learningRate, momentum, weightDecay);
            case ADAM -> new Adam(learningRate, 0.9, 0.999, 1e-8, weightDecay);
            case RMSPROP -> new RmsProp(learningRate, 0.99, 1e-8, weightDecay);
        };
    }
}
