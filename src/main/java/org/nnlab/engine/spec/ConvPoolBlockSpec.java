package org.nnlab.engine.spec;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Chain;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/**
 * A convolution, an activation and a max pooling in one block (the shape of PaddlePaddle's
 * {@code simple_img_conv_pool}): {@code Conv2d(filters, filterSize × filterSize, stride 1, padding)
 * → activation → MaxPool2d(poolSize × poolSize, stride poolStride)}. {@link #expand()} gives the
 * three layer specs; the block builds them as one layer. {@code activation} is the kind name of a
 * parameterless activation, e.g. {@code "relu"}, {@code "sigmoid"}, {@code "tanh"}.
 */
@Kind("conv_pool_block")
public record ConvPoolBlockSpec(int filterSize, int filters, int poolSize, int poolStride, String activation,
                                int padding) implements LayerSpec {
    public ConvPoolBlockSpec {
        if (filterSize < 1 || filters < 1 || poolSize < 1 || poolStride < 1) {
            throw new SpecException("engine.spec.convPool.sizes", filterSize, filters, poolSize, poolStride);
        }
        if (padding < 0) {
            throw new SpecException("engine.spec.convPool.padding", padding);
        }
        activationSpec(activation);
    }

    /** No padding. */
    public ConvPoolBlockSpec(int filterSize, int filters, int poolSize, int poolStride, String activation) {
        this(filterSize, filters, poolSize, poolStride, activation, 0);
    }

    /** The layers this block stands for: Conv2d, the activation, MaxPool2d. */
    public List<LayerSpec> expand() {
        return List.of(Conv2dSpec.of(filters, filterSize).withPadding(padding), activationSpec(activation),
                MaxPool2dSpec.of(poolSize, poolStride));
    }

    private static LayerSpec activationSpec(String name) {
        LayerKind kind = LayerKinds.byName(name == null ? "" : name).orElse(null);
        if (kind == null || !ActivationSpec.class.isAssignableFrom(kind.type())
                || kind.type().getRecordComponents().length != 0) {
            List<String> names = LayerKinds.all().stream()
                    .filter(k -> ActivationSpec.class.isAssignableFrom(k.type()) && k.type().getRecordComponents().length == 0)
                    .map(LayerKind::name).toList();
            throw new SpecException("engine.spec.convPool.activation", name, names);
        }
        try {
            return kind.type().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create activation " + name, e);
        }
    }

    @Override
    public Shape outputShape(Shape input) {
        Shape s = input;
        for (LayerSpec l : expand()) {
            s = l.outputShape(s);
        }
        return s;
    }

    @Override
    public long paramCount(Shape input) {
        outputShape(input);
        return expand().getFirst().paramCount(input);
    }

    @Override
    public long flops(Shape input) {
        long total = 0;
        Shape s = input;
        for (LayerSpec l : expand()) {
            total += l.flops(s);
            s = l.outputShape(s);
        }
        return total;
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return Chain.build(this, expand(), input, rng);
    }
}
