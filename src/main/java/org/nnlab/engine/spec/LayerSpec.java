package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/**
 * The configuration of one layer: an immutable record, validated in its constructor, with no
 * weights. Shapes here are per sample (no batch dimension). Sealed: code that handles every kind
 * switches over the records without a default branch, so the compiler finds a kind it misses. Every
 * kind is listed in {@link LayerKinds}, which the JSON form and the visual builder read.
 */
public sealed interface LayerSpec permits DenseSpec, ActivationSpec, Conv2dSpec, PoolSpec, ZeroPadding2dSpec,
        FlattenSpec, BatchNormSpec, ConvPoolBlockSpec, RecurrentSpec, BidirectionalSpec, TimeDenseSpec, EmbeddingSpec {
    /** The name of this kind in JSON and in the builder, e.g. {@code "dense"}: the record's {@link Kind}. */
    default String kind() {
        return LayerKind.nameOf(getClass());
    }

    /** The per-sample output shape, or a {@link SpecException} that explains why the input does not fit. */
    Shape outputShape(Shape input);

    /** Number of learnable values for this input shape. */
    long paramCount(Shape input);

    /** Floating-point operations of one forward pass of one sample (a multiply-add counts as 2). */
    long flops(Shape input);

    /** A layer with fresh weights drawn from {@code rng}. */
    Layer build(Shape input, RandomGenerator rng);
}
