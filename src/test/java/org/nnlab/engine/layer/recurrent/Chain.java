package org.nnlab.engine.layer.recurrent;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/** Layers applied one after another, for tests that stack layers without the model package. */
final class Chain implements Layer {
    private final List<Layer> layers;

    Chain(Layer... layers) {
        this.layers = List.of(layers);
    }

    List<Layer> layers() {
        return layers;
    }

    @Override
    public Shape outputShape(Shape input) {
        Shape s = input;
        for (Layer l : layers) {
            s = l.outputShape(s);
        }
        return s;
    }

    @Override
    public Tensor forward(Tensor input, Mode mode) {
        Tensor t = input;
        for (Layer l : layers) {
            t = l.forward(t, mode);
        }
        return t;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        Tensor g = gradOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    @Override
    public List<Param> params() {
        List<Param> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.params());
        }
        return all;
    }

    @Override
    public LayerSpec spec() {
        return layers.getFirst().spec();
    }

    @Override
    public String toString() {
        return "Chain" + layers;
    }
}
