package org.nnlab.cli;

import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.engine.data.sequence.MnistRows;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * The recurrent benchmark workloads, as the peers run them: MNIST rows as a sequence (28 steps of 28
 * pixels), LSTM 128 (each way for "bilstm"), last state → dense 10, softmax cross-entropy, Adam 1e-3,
 * batch 64. The {@code bench} command builds one with {@link #create} and times {@link Workload#trainStep}
 * and {@link Workload#predict}.
 */
public final class RecurrentWorkloads {
    public static final List<String> NAMES = List.of("lstm", "bilstm");
    public static final int BATCH = 64;
    public static final double LEARNING_RATE = 1e-3;

    private RecurrentWorkloads() {
    }

    /** The model of workload {@code name} ("lstm" or "bilstm"). */
    public static ModelSpec spec(String name) {
        Shape rows = Shape.of(28, 28);
        return switch (name) {
            case "lstm" -> ModelSpec.of(rows, new LstmSpec(128, false), new DenseSpec(10));
            case "bilstm" -> ModelSpec.of(rows, new BidirectionalSpec(new LstmSpec(128, false)), new DenseSpec(10));
            default -> throw new IllegalArgumentException("unknown recurrent workload '" + name
                    + "'; choose one of " + NAMES);
        };
    }

    /** A fresh model and optimizer for workload {@code name}, weights drawn from {@code seed}. */
    public static Workload create(String name, long seed) {
        return new Workload(name, Sequential.build(spec(name), new SplittableRandom(seed)), new Adam(LEARNING_RATE));
    }

    /** One model with its optimizer; not thread-safe. */
    public static final class Workload {
        private final String name;
        private final Sequential model;
        private final Adam optimizer;
        private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

        Workload(String name, Sequential model, Adam optimizer) {
            this.name = name;
            this.model = model;
            this.optimizer = optimizer;
        }

        public String name() {
            return name;
        }

        public Sequential model() {
            return model;
        }

        /**
         * Forward, loss, backward and Adam update on one batch of images [n, 1, 28, 28] (or rows [n, 28, 28])
         * with their digit labels; returns the batch loss.
         */
        public double trainStep(Tensor images, int[] labels) {
            Tensor logits = model.forward(MnistRows.view(images), Mode.TRAIN);
            Tensor grad = Tensor.zeros(logits.shape());
            double value = loss.evaluate(logits, labels, grad);
            model.zeroGrad();
            model.backwardParams(grad);
            optimizer.step(model.params());
            return value;
        }

        /** Logits [n, 10] for images [n, 1, 28, 28] (n = 1 for the single-image latency). */
        public Tensor predict(Tensor images) {
            return model.forward(MnistRows.view(images), Mode.INFER);
        }
    }
}
