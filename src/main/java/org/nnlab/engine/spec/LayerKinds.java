package org.nnlab.engine.spec;

import java.util.List;
import java.util.Optional;

/**
 * Every layer kind the engine can build, in the order a palette shows them: each record that
 * {@link LayerSpec}'s sealed families permit, once.
 */
public final class LayerKinds {
    private static final List<LayerKind> ALL = List.of(
            new LayerKind(DenseSpec.class),
            new LayerKind(SigmoidSpec.class),
            new LayerKind(TanhSpec.class),
            new LayerKind(ReluSpec.class),
            new LayerKind(LeakyReluSpec.class),
            new LayerKind(LinearSpec.class),
            new LayerKind(StepSpec.class),
            new LayerKind(SoftmaxSpec.class),
            new LayerKind(DropoutSpec.class),
            new LayerKind(Conv2dSpec.class),
            new LayerKind(MaxPool2dSpec.class),
            new LayerKind(AvgPool2dSpec.class),
            new LayerKind(ZeroPadding2dSpec.class),
            new LayerKind(FlattenSpec.class),
            new LayerKind(BatchNormSpec.class),
            new LayerKind(ConvPoolBlockSpec.class),
            new LayerKind(SimpleRnnSpec.class),
            new LayerKind(LstmSpec.class),
            new LayerKind(GruSpec.class),
            new LayerKind(BidirectionalSpec.class),
            new LayerKind(TimeDenseSpec.class),
            new LayerKind(EmbeddingSpec.class)
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
