package org.nnlab.labs.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.engine.data.toy.ToyFeature;
import org.nnlab.engine.data.toy.ToyPoint;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.BinaryCrossEntropy;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * One person's playground experiment in our engine: the points split into train and test, the network, and
 * plain SGD with the chosen regularisation. {@link #trainEpoch} goes once through the training points in
 * shuffled mini-batches; {@link #frame} evaluates the network on both sets and on a grid for the pictures.
 * Thread-safe (one lock), so a scheduler thread can train while a page asks for a frame.
 */
public final class PlaygroundSession {
    /** Cells per side of the boundary picture. */
    public static final int GRID = 40;
    /** Cells per side of each neuron's picture: every second cell of the boundary grid. */
    public static final int NEURON_GRID = GRID / 2;
    static final double EXTENT = 6;
    private static final int MAX_HISTORY = 300;

    private final PlaygroundSettings settings;
    private final List<ToyPoint> train;
    private final List<ToyPoint> test;
    private final Sequential model;
    private final Sgd sgd;
    private final BinaryCrossEntropy loss = new BinaryCrossEntropy();
    private final SplittableRandom shuffle;
    private final Tensor gridInput;
    private final Tensor trainInput;
    private final Tensor testInput;
    private final int[] trainLabels;
    private final int[] testLabels;
    private final List<float[]> history = new ArrayList<>();
    private int historyStride = 1;
    private long epoch;

    public PlaygroundSession(PlaygroundSettings settings) {
        this.settings = settings;
        List<ToyPoint> points = settings.points();
        int trainCount = points.isEmpty() ? 0 : Math.max(1, Math.min(points.size() - 1,
                (int) Math.round(points.size() * settings.trainPercent() / 100.0)));
        if (points.size() == 1) {
            trainCount = 1;
        }
        this.train = points.subList(0, trainCount);
        this.test = points.subList(trainCount, points.size());
        this.model = Sequential.build(PlaygroundNetwork.spec(settings), new SplittableRandom(settings.seed()));
        this.sgd = new Sgd(settings.learningRate());
        this.shuffle = new SplittableRandom(settings.seed() + 1);
        this.trainInput = inputs(train);
        this.testInput = inputs(test);
        this.trainLabels = train.stream().mapToInt(ToyPoint::label).toArray();
        this.testLabels = test.stream().mapToInt(ToyPoint::label).toArray();
        this.gridInput = gridInputs(settings.features());
    }

    public PlaygroundSettings settings() {
        return settings;
    }

    public List<ToyPoint> trainPoints() {
        return train;
    }

    public List<ToyPoint> testPoints() {
        return test;
    }

    public synchronized long epoch() {
        return epoch;
    }

    /** One pass over the training points in shuffled mini-batches, one SGD step per batch. */
    public synchronized void trainEpoch() {
        int n = train.size();
        if (n > 0) {
            int[] order = permutation(n);
            int features = settings.features().size();
            for (int start = 0; start < n; start += settings.batchSize()) {
                int size = Math.min(settings.batchSize(), n - start);
                Tensor x = Tensor.zeros(size, features);
                int[] labels = new int[size];
                for (int r = 0; r < size; r++) {
                    int i = order[start + r];
                    System.arraycopy(trainInput.data(), i * features, x.data(), r * features, features);
                    labels[r] = trainLabels[i];
                }
                step(x, labels);
            }
        }
        epoch++;
    }

    private void step(Tensor x, int[] labels) {
        model.zeroGrad();
        Tensor out = model.forward(x, Mode.TRAIN);
        Tensor grad = Tensor.zeros(out.shape());
        loss.evaluate(out, labels, grad);
        model.backwardParams(grad);
        settings.regularization().addGradient(model.params(), settings.regularizationRate());
        sgd.step(model.params());
    }

    /** The pictures, weights and losses as they are now; records the losses in the history. */
    public synchronized PlaygroundFrame frame() {
        double trainLoss = meanLoss(trainInput, trainLabels);
        double testLoss = meanLoss(testInput, testLabels);
        record(trainLoss, testLoss);
        List<Tensor> outputs = model.forwardAll(gridInput);
        byte[] boundary = picture(outputs.getLast(), 0, 1, GRID, 1, false);
        List<byte[]> neurons = new ArrayList<>();
        Tensor inputs = outputs.getFirst();
        int features = settings.features().size();
        for (int f = 0; f < features; f++) {
            neurons.add(picture(inputs, f, features, NEURON_GRID, 2, true));
        }
        for (int h = 0; h < settings.hidden().size(); h++) {
            Tensor act = outputs.get(2 * h + 2);
            int units = settings.hidden().get(h);
            for (int u = 0; u < units; u++) {
                neurons.add(picture(act, u, units, NEURON_GRID, 2, false));
            }
        }
        float[][] h = historyArrays();
        return new PlaygroundFrame(settings, epoch, trainLoss, testLoss, layout(), GRID, boundary, NEURON_GRID,
                List.copyOf(neurons), weights(), h[0], h[1], historyStride);
    }

    private double meanLoss(Tensor x, int[] labels) {
        if (labels.length == 0) {
            return Double.NaN;
        }
        Tensor out = model.forward(x, Mode.INFER);
        return loss.evaluate(out, labels, Tensor.zeros(out.shape()));
    }

    private void record(double trainLoss, double testLoss) {
        if (epoch % historyStride != 0 || (!history.isEmpty() && history.getLast()[0] == epoch)) {
            return;
        }
        history.add(new float[] {epoch, (float) trainLoss, (float) testLoss});
        if (history.size() > MAX_HISTORY) {
            for (int i = history.size() - 1; i > 0; i -= 2) {
                history.remove(i);
            }
            historyStride *= 2;
        }
    }

    private float[][] historyArrays() {
        float[][] out = new float[2][history.size()];
        for (int i = 0; i < history.size(); i++) {
            out[0][i] = history.get(i)[1];
            out[1][i] = history.get(i)[2];
        }
        return out;
    }

    private int[] layout() {
        int[] layout = new int[settings.hidden().size() + 2];
        layout[0] = settings.features().size();
        for (int h = 0; h < settings.hidden().size(); h++) {
            layout[h + 1] = settings.hidden().get(h);
        }
        layout[layout.length - 1] = 1;
        return layout;
    }

    private float[] weights() {
        int total = model.params().stream().filter(p -> p.name().equals("weight")).mapToInt(p -> p.value().size()).sum();
        float[] out = new float[total];
        int at = 0;
        for (var p : model.params()) {
            if (p.name().equals("weight")) {
                System.arraycopy(p.value().data(), 0, out, at, p.value().size());
                at += p.value().size();
            }
        }
        return out;
    }

    /**
     * Column {@code column} of a {@code [GRID², columns]} tensor as a {@code side × side} byte picture, taking
     * every {@code step}-th grid cell; values −1..1 (or 0..1 for the boundary) become 0..255.
     */
    private static byte[] picture(Tensor t, int column, int columns, int side, int step, boolean scaleToMax) {
        float[] d = t.data();
        double scale = 1;
        if (scaleToMax) {
            double max = 0;
            for (int i = column; i < d.length; i += columns) {
                max = Math.max(max, Math.abs(d[i]));
            }
            scale = max == 0 ? 1 : 1 / max;
        }
        boolean probability = columns == 1 && side == GRID;
        byte[] out = new byte[side * side];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double v = d[((r * step) * GRID + c * step) * columns + column] * scale;
                double unit = probability ? v : (v + 1) / 2;
                out[r * side + c] = (byte) Math.round(255 * Math.max(0, Math.min(1, unit)));
            }
        }
        return out;
    }

    private int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The points' feature rows, or null for no points. */
    private Tensor inputs(List<ToyPoint> points) {
        if (points.isEmpty()) {
            return null;
        }
        int features = settings.features().size();
        return new Tensor(Shape.of(points.size(), features), ToyFeature.matrix(points, settings.features()));
    }

    /** The feature values of every grid cell's centre, row by row from the top. */
    private static Tensor gridInputs(List<ToyFeature> features) {
        List<ToyPoint> cells = new ArrayList<>(GRID * GRID);
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                cells.add(new ToyPoint(cellCentre(c), -cellCentre(r), 0));
            }
        }
        return new Tensor(Shape.of(cells.size(), features.size()), ToyFeature.matrix(cells, features));
    }

    static double cellCentre(int index) {
        return -EXTENT + (index + 0.5) * (2 * EXTENT / GRID);
    }
}
