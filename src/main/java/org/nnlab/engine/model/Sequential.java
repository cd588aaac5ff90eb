package org.nnlab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * A stack of layers built from a {@link ModelSpec}: the output of each is the input of the next.
 * Input tensors are {@code [batch, ...spec.input()]}. Used by one thread at a time.
 */
public final class Sequential {
    private final ModelSpec spec;
    private final List<Layer> layers;
    private final List<Param> params;

    private Sequential(ModelSpec spec, List<Layer> layers) {
        this.spec = spec;
        this.layers = List.copyOf(layers);
        this.params = this.layers.stream().flatMap(l -> l.params().stream()).toList();
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
        Tensor x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, mode);
        }
        return x;
    }

    /** Backpropagates d(loss)/d(output) through every layer (adding into the gradients); returns d(loss)/d(input). */
    public Tensor backward(Tensor gradOut) {
        Tensor g = gradOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    /**
     * Backpropagates like {@link #backward} for training, where only the parameter gradients matter:
     * the first layer is told that nobody needs d(loss)/d(input), so it can skip computing it.
     */
    public void backwardParams(Tensor gradOut) {
        Tensor g = gradOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0);
        }
    }

    /**
     * Every layer's output for one input, in inference mode: element 0 is the input itself, element i + 1
     * the output of layer i. A single sample (shape {@code spec.input()}) gets a batch dimension of 1;
     * the returned tensors keep whatever batch dimension the input had.
     */
    public List<Tensor> forwardAll(Tensor input) {
        Tensor x = input.shape().equals(spec.input()) ? input.reshape(spec.input().withBatch(1)) : input;
        List<Tensor> outputs = new ArrayList<>();
        outputs.add(x.copy());
        for (Layer layer : layers) {
            x = layer.forward(x, Mode.INFER);
            outputs.add(x.copy());
        }
        return outputs;
    }

    public void zeroGrad() {
        for (Param p : params) {
            p.zeroGrad();
        }
    }

    /** All learnable parameters, layer by layer, in each layer's order (the order weights are saved in). */
    public List<Param> params() {
        return params;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** What a model file stores: every parameter, then every layer's {@link Layer#state() state}. */
    public List<Param> savedTensors() {
        return java.util.stream.Stream.concat(params.stream(), layers.stream().flatMap(l -> l.state().stream()))
                .toList();
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Copies every parameter value (for snapshots); see {@link #restore}. */
    public List<float[]> copyWeights() {
        return params.stream().map(p -> p.value().data().clone()).toList();
    }

    /** Sets every parameter value from a copy made by {@link #copyWeights} of a model with the same spec. */
    public void restore(List<float[]> weights) {
        for (int i = 0; i < params.size(); i++) {
            float[] dst = params.get(i).value().data();
            System.arraycopy(weights.get(i), 0, dst, 0, dst.length);
        }
    }

    @Override
    public String toString() {
        return "Sequential" + layers;
    }
}
