package org.nnlab.engine.layer;

import java.util.List;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * One stage of a network. Shapes passed to {@link #outputShape} are per sample; tensors passed to
 * {@link #forward} and {@link #backward} carry the batch as their first dimension.
 * <p>
 * {@code forward} keeps what {@code backward} needs; {@code backward} adds d(loss)/d(param) into each
 * {@link Param#grad()} and returns d(loss)/d(input) for the gradient {@code gradOut} = d(loss)/d(output).
 * A layer object is used by one thread at a time.
 */
public interface Layer {
    /** The per-sample output shape for a per-sample input shape; throws if the input does not fit. */
    Shape outputShape(Shape input);

    Tensor forward(Tensor input, Mode mode);

    /**
     * Backpropagates {@code gradOut}, told whether anyone will use the returned d(loss)/d(input): the
     * first layer of a network being trained has no use for it, and a layer whose input gradient costs a
     * matrix product (dense, convolution, recurrent) skips it then and returns {@code null}; other layers
     * return it anyway. The parameter gradients are the same either way.
     */
    Tensor backward(Tensor gradOut, boolean inputGradient);

    /** {@link #backward(Tensor, boolean)} with the input gradient wanted. */
    default Tensor backward(Tensor gradOut) {
        return backward(gradOut, true);
    }

    /** Learnable parameters in a fixed order (the order weights are saved in); none by default. */
    default List<Param> params() {
        return List.of();
    }

    /** The configuration this layer was built from. */
    LayerSpec spec();

    /**
     * Values that are not learned by gradients but define what the layer computes (batch norm's running
     * averages): saved with the weights. Empty for most layers.
     */
    default List<Param> state() {
        return List.of();
    }
}
