package org.nnlab.labs.playground;

import java.util.List;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.data.toy.ToyDataset;
import org.nnlab.engine.data.toy.ToyFeature;
import org.nnlab.engine.data.toy.ToyPoint;
import org.nnlab.engine.optim.Regularization;

/**
 * One playground experiment, complete: the data (a toy data set, or {@code dataset == null} for the person's
 * own points), how noisy it is, which share trains, the seed, the input features, the hidden layers, the
 * activation, learning rate, regularisation and batch size. Equal settings give the same points and the
 * same first weights. {@link PlaygroundLink} turns settings into a link and back.
 */
public record PlaygroundSettings(ToyDataset dataset, List<ToyPoint> ownPoints, int noisePercent, int trainPercent,
                                 long seed, List<ToyFeature> features, List<Integer> hidden, Activation activation,
                                 double learningRate, Regularization regularization, double regularizationRate,
                                 int batchSize) {
    public static final int POINTS = 400;
    public static final int MAX_OWN_POINTS = 300;
    public static final int MAX_HIDDEN_LAYERS = 6;
    public static final int MAX_NEURONS = 8;
    public static final int MAX_BATCH = 30;
    public static final double MAX_LEARNING_RATE = 10;
    public static final double MAX_REGULARIZATION_RATE = 10;

    /** What a neuron does with its weighted sum. */
    public enum Activation { SIGMOID, TANH, RELU, LINEAR }

    public PlaygroundSettings {
        ownPoints = List.copyOf(ownPoints);
        features = List.copyOf(features);
        hidden = List.copyOf(hidden);
        check(ownPoints.size() <= MAX_OWN_POINTS, "labs.playground.error.points", ownPoints.size(), MAX_OWN_POINTS);
        check(noisePercent >= 0 && noisePercent <= 50, "labs.playground.error.noise", noisePercent);
        check(trainPercent >= 10 && trainPercent <= 90, "labs.playground.error.train", trainPercent);
        check(!features.isEmpty() && features.stream().distinct().count() == features.size(),
                "labs.playground.error.features");
        check(hidden.size() <= MAX_HIDDEN_LAYERS && hidden.stream().allMatch(n -> n >= 1 && n <= MAX_NEURONS),
                "labs.playground.error.hidden", MAX_HIDDEN_LAYERS, MAX_NEURONS);
        check(activation != null && regularization != null, "labs.playground.error.features");
        check(learningRate > 0 && learningRate <= MAX_LEARNING_RATE, "labs.playground.error.rate", MAX_LEARNING_RATE);
        check(regularizationRate >= 0 && regularizationRate <= MAX_REGULARIZATION_RATE,
                "labs.playground.error.rate", MAX_REGULARIZATION_RATE);
        check(batchSize >= 1 && batchSize <= MAX_BATCH, "labs.playground.error.batch", MAX_BATCH);
    }

    /** TensorFlow Playground's start: the circle, x1 and x2, hidden layers of 4 and 2 tanh neurons. */
    public static PlaygroundSettings defaults() {
        return new PlaygroundSettings(ToyDataset.CIRCLE, List.of(), 0, 50, 1, List.of(ToyFeature.X1, ToyFeature.X2),
                List.of(4, 2), Activation.TANH, 0.03, Regularization.NONE, 0, 10);
    }

    private static void check(boolean ok, String key, Object... args) {
        if (!ok) {
            throw new LocalizedException(key, "playground setting out of range: " + key + " " + List.of(args), args);
        }
    }

    /** The points of this experiment: the data set drawn from the seed, or the own points as given. */
    public List<ToyPoint> points() {
        return dataset == null ? ownPoints : dataset.generate(POINTS, noisePercent / 100.0, seed);
    }

    /** The network of this experiment as an engine spec (features in, one sigmoid output). */
    public org.nnlab.engine.spec.ModelSpec spec() {
        return PlaygroundNetwork.spec(this);
    }

    public PlaygroundSettings withDataset(ToyDataset value) {
        return new PlaygroundSettings(value, ownPoints, noisePercent, trainPercent, seed, features, hidden, activation,
                learningRate, regularization, regularizationRate, batchSize);
    }

    public PlaygroundSettings withOwnPoints(List<ToyPoint> value) {
        return new PlaygroundSettings(null, value, noisePercent, trainPercent, seed, features, hidden, activation,
                learningRate, regularization, regularizationRate, batchSize);
    }

    public PlaygroundSettings withData(int noise, int train, long newSeed) {
        return new PlaygroundSettings(dataset, ownPoints, noise, train, newSeed, features, hidden, activation,
                learningRate, regularization, regularizationRate, batchSize);
    }

    public PlaygroundSettings withNetwork(List<ToyFeature> newFeatures, List<Integer> newHidden, Activation newActivation) {
        return new PlaygroundSettings(dataset, ownPoints, noisePercent, trainPercent, seed, newFeatures, newHidden,
                newActivation, learningRate, regularization, regularizationRate, batchSize);
    }

    public PlaygroundSettings withTraining(double rate, Regularization reg, double regRate, int batch) {
        return new PlaygroundSettings(dataset, ownPoints, noisePercent, trainPercent, seed, features, hidden, activation,
                rate, reg, regRate, batch);
    }
}
