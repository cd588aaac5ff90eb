package org.nnlab.engine.spec;

import java.util.List;
import java.util.Optional;

/** Every layer kind the engine can build, in the order a palette shows them. */
public final class LayerKinds {
    private static final List<LayerKind> ALL = List.of(
            new LayerKind("dense", DenseSpec.class),
            new LayerKind("sigmoid", SigmoidSpec.class),
            new LayerKind("tanh", TanhSpec.class),
            new LayerKind("relu", ReluSpec.class),
            new LayerKind("leaky_relu", LeakyReluSpec.class),
            new LayerKind("linear", LinearSpec.class),
            new LayerKind("step", StepSpec.class),
            new LayerKind("softmax", SoftmaxSpec.class),
            new LayerKind("dropout", DropoutSpec.class),
            new LayerKind("conv2d", Conv2dSpec.class),
            new LayerKind("maxpool2d", MaxPool2dSpec.class),
            new LayerKind("avgpool2d", AvgPool2dSpec.class),
            new LayerKind("zero_padding2d", ZeroPadding2dSpec.class),
            new LayerKind("flatten", FlattenSpec.class),
            new LayerKind("batch_norm", BatchNormSpec.class),
            new LayerKind("conv_pool_block", ConvPoolBlockSpec.class),
            new LayerKind("simple_rnn", SimpleRnnSpec.class),
            new LayerKind("lstm", LstmSpec.class),
            new LayerKind("gru", GruSpec.class),
            new LayerKind("bidirectional", BidirectionalSpec.class),
            new LayerKind("time_dense", TimeDenseSpec.class),
            new LayerKind("embedding", EmbeddingSpec.class)
    );

    private LayerKinds() {
    }

    public static List<LayerKind> all() {
        return ALL;
    }

    public static Optional<LayerKind> byName(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    public static Optional<LayerKind> byType(Class<?> type) {
        return ALL.stream().filter(k -> k.type().equals(type)).findFirst();
    }
}
