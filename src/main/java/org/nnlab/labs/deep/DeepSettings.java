package org.nnlab.labs.deep;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.training.DataChoice;
import org.nnlab.training.TrainingRequest;

/**
 * The deep lab's network: {@code depth} hidden dense layers of {@link #WIDTH} neurons on MNIST digits, each with
 * sigmoid or ReLU, weights Glorot- or He-initialised, optionally batch norm before the activation; then a dense
 * layer to the 10 digits. It trains with plain SGD on {@link #SUBSET} images, so that what the gradients do is
 * not hidden by an adaptive optimizer.
 */
public record DeepSettings(int depth, boolean relu, boolean he, boolean batchNorm) {
    public static final int MIN_DEPTH = 2;
    public static final int MAX_DEPTH = 10;
    public static final int WIDTH = 32;
    public static final int SUBSET = 3000;
    public static final int EPOCHS = 100;
    public static final int BATCH = 32;
    public static final double LEARNING_RATE = 0.1;

    public DeepSettings {
        if (depth < MIN_DEPTH || depth > MAX_DEPTH) {
            throw new LocalizedException("labs.deep.error.depth", "depth " + depth + " outside " + MIN_DEPTH + ".." + MAX_DEPTH,
                    MIN_DEPTH, MAX_DEPTH);
        }
    }

    /** Eight sigmoid layers, Glorot weights, no batch norm: the network whose first layers hardly learn. */
    public static DeepSettings defaults() {
        return new DeepSettings(8, false, false, false);
    }

    public ModelSpec spec() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new FlattenSpec());
        for (int i = 0; i < depth; i++) {
            layers.add(new DenseSpec(WIDTH, he ? Init.he() : Init.glorot(), Init.zeros()));
            if (batchNorm) {
                layers.add(new BatchNormSpec());
            }
            layers.add(relu ? new ReluSpec() : new SigmoidSpec());
        }
        layers.add(new DenseSpec(10));
        return new ModelSpec(Mnist.IMAGE_SHAPE, layers);
    }

    public TrainingRequest request() {
        return new TrainingRequest("deep lab " + depth + "×" + WIDTH + (relu ? " relu" : " sigmoid"), spec(),
                DataChoice.mnist(SUBSET), new OptimizerConfig(OptimizerKind.SGD, LEARNING_RATE, 0, 0), BATCH, EPOCHS,
                1, false, 0);
    }
}
