package org.nnlab.engine.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Several layers used as one (for block specs such as a conv-pool block, and for a whole network):
 * forward runs them in order, backward in reverse; the parameters are theirs, in order.
 */
public final class Chain implements Layer {
    private final LayerSpec spec;
    private final List<Layer> layers;
    private final List<Param> params;

    private Chain(LayerSpec spec, List<Layer> layers) {
        this.spec = spec;
        this.layers = List.copyOf(layers);
        this.params = this.layers.stream().flatMap(l -> l.params().stream()).toList();
    }

    /** The layers as one, described by {@code spec} (a block's spec, or null for a whole network). */
    public static Chain of(LayerSpec spec, List<Layer> layers) {
        return new Chain(spec, layers);
    }

    /** Builds {@code parts} one after another from {@code input}. */
    public static Chain build(LayerSpec spec, List<LayerSpec> parts, Shape input, RandomGenerator rng) {
        List<Layer> layers = new ArrayList<>();
        Shape s = input;
        for (LayerSpec part : parts) {
            layers.add(part.build(s, rng));
            s = part.outputShape(s);
        }
        return new Chain(spec, layers);
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public List<Param> state() {
        return layers.stream().flatMap(l -> l.state().stream()).toList();
    }

    @Override
    public Shape outputShape(Shape input) {
        if (spec != null) {
            return spec.outputShape(input);
        }
        Shape s = input;
        for (Layer l : layers) {
            s = l.outputShape(s);
        }
        return s;
    }

    /**
     * Every layer's output for one input in {@code mode}: element 0 is a copy of the input, element i + 1
     * of the output of layer i.
     */
    public List<Tensor> forwardAll(Tensor input, Mode mode) {
        List<Tensor> outputs = new ArrayList<>();
        Tensor x = input;
        outputs.add(x.copy());
        for (Layer l : layers) {
            x = l.forward(x, mode);
            outputs.add(x.copy());
        }
        return outputs;
    }

    @Override
    public Tensor forward(Tensor input, Mode mode) {
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).forward(x, mode);
        }
        return x;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        Tensor g = gradOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, inputGradient || i > 0);
        }
        return g;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "Chain" + layers;
    }
}
