package org.nnlab.labs.playground;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LinearSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.TanhSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * The playground's network as an engine spec: the chosen features in, each hidden layer a dense layer and
 * its activation, then one sigmoid neuron whose output is the probability of class 1 (trained with binary
 * cross-entropy). Weights start Glorot-uniform; biases at 0.1, so ReLU neurons start switched on.
 */
final class PlaygroundNetwork {
    private PlaygroundNetwork() {
    }

    static ModelSpec spec(PlaygroundSettings s) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int units : s.hidden()) {
            layers.add(new DenseSpec(units, Init.glorot(), Init.constant(0.1)));
            layers.add(activation(s.activation()));
        }
        layers.add(new DenseSpec(1, Init.glorot(), Init.constant(0.1)));
        layers.add(new SigmoidSpec());
        return new ModelSpec(Shape.of(s.features().size()), layers);
    }

    private static LayerSpec activation(PlaygroundSettings.Activation a) {
        return switch (a) {
            case SIGMOID -> new SigmoidSpec();
            case TANH -> new TanhSpec();
            case RELU -> new ReluSpec();
            case LINEAR -> new LinearSpec();
        };
    }
}
