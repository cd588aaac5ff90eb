package org.nnlab.training;

import java.util.List;
import java.util.Optional;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.tensor.Shape;

/**
 * The networks the dashboard offers for MNIST ({@code [1, 28, 28]} in, 10 classes out), each with the
 * optimizer and batch size it trains well with. MLP and LeNet-5 are the engine's presets.
 */
public final class Networks {
    /** A network people can pick: a short name (also the text key suffix), its spec and usual settings. */
    public record Network(String name, ModelSpec spec, OptimizerConfig optimizer, int batchSize) {
    }

    private static final Shape MNIST = Shape.of(1, 28, 28);

    /** One dense layer from the 784 pixels to the 10 classes (softmax regression): 7,850 parameters. */
    public static final Network PERCEPTRON = new Network("perceptron",
            ModelSpec.of(MNIST, new FlattenSpec(), new DenseSpec(10)),
            new OptimizerConfig(OptimizerKind.SGD, 0.1, 0, 0), 64);

    public static final Network MLP = fromPreset(Presets.MLP);

    public static final Network LENET = fromPreset(Presets.LENET);

    /**
     * The notes' CNN: 5 kernels of 3×3 find simple strokes, max-pool 2, then 20 kernels of 3×3 combine
     * them, max-pool 2 (11 → 5: the last odd row and column are dropped), flatten, dense 100, dense 10.
     */
    public static final Network CNN_5_20 = new Network("cnn",
            ModelSpec.of(MNIST,
                    Conv2dSpec.of(5, 3), new ReluSpec(), MaxPool2dSpec.of(2),
                    Conv2dSpec.of(20, 3), new ReluSpec(), new MaxPool2dSpec(Size2.of(2), Size2.of(2), true),
                    new FlattenSpec(),
                    new DenseSpec(100, Init.he(), Init.zeros()), new ReluSpec(),
                    new DenseSpec(10)),
            new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0, 0), 64);

    public static final List<Network> ALL = List.of(PERCEPTRON, MLP, LENET, CNN_5_20);

    private Networks() {
    }

    public static Optional<Network> byName(String name) {
        return ALL.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    private static Network fromPreset(Presets.Preset preset) {
        return new Network(preset.name(), preset.spec(), preset.optimizer(), preset.batchSize());
    }
}
