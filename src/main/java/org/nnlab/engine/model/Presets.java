package org.nnlab.engine.model;

import java.util.List;
import java.util.Optional;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * The ready-made MNIST networks (input {@code [1, 28, 28]}, 10 classes) with the settings they are
 * trained with. The shipped default models were trained from these by the {@code train} command.
 */
public final class Presets {
    /** A network and how to train it: optimizer, mini-batch size and the usual number of epochs. */
    public record Preset(String name, String description, ModelSpec spec, OptimizerConfig optimizer, int batchSize,
                         int epochs) {
    }

    private static final Shape MNIST = Shape.of(1, 28, 28);

    /** 784-256-128-10 with ReLU: about 235 k parameters. */
    public static final Preset MLP = new Preset("mlp", "multilayer perceptron 784-256-128-10, ReLU",
            ModelSpec.of(MNIST, new FlattenSpec(),
                    new DenseSpec(256, Init.he(), Init.zeros()), new ReluSpec(),
                    new DenseSpec(128, Init.he(), Init.zeros()), new ReluSpec(),
                    new DenseSpec(10)),
            new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0, 0), 64, 20);

    /**
     * LeNet-5 as it is usually rebuilt today: conv 5×5×6 (padding 2), ReLU, max-pool 2, conv 5×5×16,
     * ReLU, max-pool 2, dense 120, 84, 10 with ReLU: about 62 k parameters.
     */
    public static final Preset LENET = new Preset("lenet", "LeNet-5-like CNN: conv 5x5x6, pool, conv 5x5x16, pool, 120-84-10",
            ModelSpec.of(MNIST,
                    Conv2dSpec.of(6, 5).withPadding(2), new ReluSpec(), MaxPool2dSpec.of(2),
                    Conv2dSpec.of(16, 5), new ReluSpec(), MaxPool2dSpec.of(2),
                    new FlattenSpec(),
                    new DenseSpec(120, Init.he(), Init.zeros()), new ReluSpec(),
                    new DenseSpec(84, Init.he(), Init.zeros()), new ReluSpec(),
                    new DenseSpec(10)),
            new OptimizerConfig(OptimizerKind.ADAM, 0.002, 0, 0), 64, 15);

    public static final List<Preset> ALL = List.of(MLP, LENET);

    private Presets() {
    }

    public static Optional<Preset> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
