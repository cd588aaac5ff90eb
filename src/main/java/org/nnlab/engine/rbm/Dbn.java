package org.nnlab.engine.rbm;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.model.Pretraining;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * A deep belief network as greedy pretraining leaves it: a stack of RBMs, the hidden units of each being the
 * visible units of the next. {@link #toClassifier} turns it into an ordinary {@link Sequential} for
 * supervised fine-tuning by backpropagation: one Dense + Sigmoid pair per RBM, whose weights [visible, hidden]
 * and biases are the RBM's weights and hidden biases (the feed-forward pass then computes exactly the hidden
 * probabilities the next RBM was trained on), and a Dense output layer on top, randomly initialised, whose
 * scores the softmax cross-entropy loss turns into class probabilities.
 *
 * @param rbms                 the stack, bottom first; each one's hidden count is the next one's visible count
 * @param config               how each RBM was trained
 * @param epochsPerLayer       epochs each RBM was trained
 * @param reconstructionErrors each RBM's reconstruction error in its last epoch (NaN when it was not trained)
 */
public record Dbn(List<Rbm> rbms, RbmConfig config, int epochsPerLayer, List<Double> reconstructionErrors) {
    public Dbn {
        rbms = List.copyOf(rbms);
        reconstructionErrors = List.copyOf(reconstructionErrors);
        if (rbms.isEmpty() || reconstructionErrors.size() != rbms.size()) {
            throw new IllegalArgumentException("a DBN needs at least one RBM and one reconstruction error per RBM, got "
                    + rbms.size() + " RBMs and " + reconstructionErrors.size() + " errors");
        }
        for (int i = 1; i < rbms.size(); i++) {
            if (rbms.get(i).visible() != rbms.get(i - 1).hidden()) {
                throw new IllegalArgumentException("RBM " + i + " has " + rbms.get(i).visible() + " visible units but the"
                        + " RBM below it has " + rbms.get(i - 1).hidden() + " hidden units");
            }
        }
    }

    /** The top RBM's hidden probabilities for a batch of inputs, passing up the stack. */
    public Tensor up(Tensor v) {
        Tensor x = v;
        for (Rbm rbm : rbms) {
            x = rbm.hiddenProbabilities(x);
        }
        return x;
    }

    /**
     * The classifier: [Flatten when the input is not flat,] Dense + Sigmoid per RBM initialised from it, and
     * Dense({@code classes}) with weights drawn from {@code rng}. The pretraining record names the Dense
     * layers the RBMs initialised.
     */
    public DbnClassifier toClassifier(Shape input, int classes, RandomGenerator rng) {
        if (input.size() != rbms.getFirst().visible()) {
            throw new IllegalArgumentException("the DBN's first RBM has " + rbms.getFirst().visible()
                    + " visible units but the input " + input + " has " + input.size() + " values");
        }
        List<LayerSpec> layers = new ArrayList<>();
        if (input.rank() != 1) {
            layers.add(new FlattenSpec());
        }
        List<Integer> denseAt = new ArrayList<>();
        for (Rbm rbm : rbms) {
            denseAt.add(layers.size());
            layers.add(new DenseSpec(rbm.hidden()));
            layers.add(new SigmoidSpec());
        }
        layers.add(new DenseSpec(classes));
        Sequential model = Sequential.build(ModelSpec.of(input, layers.toArray(LayerSpec[]::new)), rng);
        List<Pretraining.RbmLayer> record = new ArrayList<>();
        for (int i = 0; i < rbms.size(); i++) {
            Rbm rbm = rbms.get(i);
            Layer dense = model.layers().get(denseAt.get(i));
            dense.params().get(0).value().copyFrom(rbm.weight().value());
            dense.params().get(1).value().copyFrom(rbm.hiddenBias().value());
            record.add(new Pretraining.RbmLayer(denseAt.get(i), rbm.visible(), rbm.hidden(), config.gibbsSteps(),
                    config.persistent(), epochsPerLayer, config.learningRate(), config.momentum(), config.weightDecay(),
                    config.batchSize(), reconstructionErrors.get(i)));
        }
        return new DbnClassifier(model, new Pretraining(record));
    }
}
