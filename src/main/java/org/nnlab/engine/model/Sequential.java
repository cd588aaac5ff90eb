package org.nnlab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Chain;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * A stack of layers built from a {@link ModelSpec}: the output of each is the input of the next (a
 * {@link Chain} of them runs the passes). Input tensors are {@code [batch, ...spec.input()]}. Used by
 * one thread at a time.
 */
public final class Sequential {
    private final ModelSpec spec;
    private final Chain chain;

    private Sequential(ModelSpec spec, List<Layer> layers) {
        this.spec = spec;
        this.chain = Chain.of(null, layers);
    }

    /** Validates the spec and builds every layer with weights drawn from {@code rng}, in layer order. */
    public static Sequential build(ModelSpec spec, RandomGenerator rng) {
        spec.validate();
        List<Layer> layers = new ArrayList<>();
        Shape shape = spec.input();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layerSpec = spec.layers().get(i);
            try {
                layers.add(layerSpec.build(shape, rng));
            } catch (IllegalArgumentException e) {
                throw ModelSpec.atLayer(i, layerSpec, e);
            }
            shape = layerSpec.outputShape(shape);
        }
        return new Sequential(spec, layers);
    }

    public Tensor forward(Tensor input, Mode mode) {
        return chain.forward(input, mode);
    }

    /** Backpropagates d(loss)/d(output) through every layer (adding into the gradients); returns d(loss)/d(input). */
    public Tensor backward(Tensor gradOut) {
        return chain.backward(gradOut, true);
    }

    /**
     * Backpropagates like {@link #backward} for training, where only the parameter gradients matter:
     * the first layer is told that nobody needs d(loss)/d(input), so it can skip computing it.
     */
    public void backwardParams(Tensor gradOut) {
        chain.backward(gradOut, false);
    }

    /**
     * Every layer's output for one input, in inference mode: element 0 is the input itself, element i + 1
     * the output of layer i. A single sample (shape {@code spec.input()}) gets a batch dimension of 1;
     * the returned tensors keep whatever batch dimension the input had.
     */
    public List<Tensor> forwardAll(Tensor input) {
        Tensor x = input.shape().equals(spec.input()) ? input.reshape(spec.input().withBatch(1)) : input;
        return chain.forwardAll(x, Mode.INFER);
    }

    public void zeroGrad() {
        List<Param> params = chain.params();
        for (int i = 0; i < params.size(); i++) {
            params.get(i).zeroGrad();
        }
    }

    /** All learnable parameters, layer by layer, in each layer's order (the order weights are saved in). */
    public List<Param> params() {
        return chain.params();
    }

    public List<Layer> layers() {
        return chain.layers();
    }

    /** What a model file stores: every parameter, then every layer's {@link Layer#state() state}. */
    public List<Param> savedTensors() {
        return java.util.stream.Stream.concat(chain.params().stream(), chain.state().stream()).toList();
    }

    public ModelSpec spec() {
        return spec;
    }

    /** A copy of every parameter value; {@link WeightSnapshot#restore()} puts it back into this model. */
    public WeightSnapshot copyWeights() {
        return new WeightSnapshot(params());
    }

    @Override
    public String toString() {
        return "Sequential" + chain.layers();
    }
}
