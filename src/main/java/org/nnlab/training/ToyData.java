package org.nnlab.training;

import java.util.List;
import java.util.Locale;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.toy.ToyDataset;
import org.nnlab.engine.data.toy.ToyPoint;
import org.nnlab.engine.perceptron.LogicGate;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * The small data sets of points: the engine's seeded toy pictures ({@code toy-xor}, {@code toy-circle},
 * {@code toy-gaussians}, {@code toy-spiral}) and the logic gates' truth tables ({@code gate-and} …). A toy
 * set of n points is tested on another n / 4 (at least 100) drawn with the next seed; a truth table is
 * repeated to fill the run's samples and tested on its rows.
 */
public final class ToyData {
    /** Points (or table rows) a run gets when the choice names no size. */
    public static final int DEFAULT_SIZE = 200;
    /** The most points a toy run takes. */
    public static final int MAX_SIZE = 5000;

    private ToyData() {
    }

    static boolean handles(DataChoice choice) {
        return choice.dataset().startsWith(DataChoice.TOY) || choice.dataset().startsWith(DataChoice.GATE);
    }

    static int trainingSize(DataChoice choice) {
        int n = choice.size() == 0 ? DEFAULT_SIZE : choice.size();
        if (n > MAX_SIZE) {
            throw new TrainingRefusedException("train.data.toyTooLarge", "a toy data set has at most " + MAX_SIZE
                    + " points; " + n + " were asked for", n, MAX_SIZE);
        }
        return Math.max(n, 4);
    }

    static TrainingData.Sets load(DataChoice choice) {
        int n = trainingSize(choice);
        if (choice.dataset().startsWith(DataChoice.GATE)) {
            LogicGate gate = gate(choice);
            return new TrainingData.Sets(table(gate, n), table(gate, gate.targets().length));
        }
        return new TrainingData.Sets(points(points(choice, n, 0)), points(points(choice, Math.max(100, n / 4), 1)));
    }

    /** The toy set's training points of {@code choice} (a {@code toy-…} choice), as a run gets them. */
    public static List<ToyPoint> trainingPoints(DataChoice choice) {
        return points(choice, trainingSize(choice), 0);
    }

    /** The rows of a {@code gate-…} choice's truth table: inputs and targets. */
    public static LogicGate gate(DataChoice choice) {
        return LogicGate.valueOf(choice.dataset().substring(DataChoice.GATE.length()).toUpperCase(Locale.ROOT));
    }

    private static List<ToyPoint> points(DataChoice choice, int n, long seedOffset) {
        ToyDataset set = ToyDataset.valueOf(choice.dataset().substring(DataChoice.TOY.length()).toUpperCase(Locale.ROOT));
        double noise = Math.clamp(choice.options().noise(), 0, ToyDataset.MAX_NOISE);
        return set.generate(n, noise, choice.options().seed() + seedOffset);
    }

    private static Dataset points(List<ToyPoint> points) {
        float[] x = new float[points.size() * 2];
        int[] y = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[2 * i] = (float) points.get(i).x1();
            x[2 * i + 1] = (float) points.get(i).x2();
            y[i] = points.get(i).label();
        }
        return new Dataset(new Tensor(Shape.of(points.size(), 2), x), y);
    }

    private static Dataset table(LogicGate gate, int rows) {
        float[][] in = gate.inputs();
        int[] targets = gate.targets();
        int arity = gate.arity();
        float[] x = new float[rows * arity];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(in[i % in.length], 0, x, i * arity, arity);
            y[i] = targets[i % targets.length];
        }
        return new Dataset(new Tensor(Shape.of(rows, arity), x), y);
    }
}
