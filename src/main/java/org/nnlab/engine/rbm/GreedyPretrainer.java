package org.nnlab.engine.rbm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.nnlab.engine.data.Batch;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.tensor.Tensor;

/**
 * Greedy layer-wise pretraining of a {@link Dbn}: the first RBM learns the data; then its hidden
 * probabilities for every sample become the data of the second, and so on up the stack. Each RBM is trained
 * by an {@link RbmTrainer} for the same number of epochs with the same settings; the seed fixes everything.
 * {@link #runBatch} does one update of the layer in training, for callers that schedule the work (and may
 * pause or stop between updates); {@link #run} does all. Not thread-safe.
 */
public final class GreedyPretrainer {
    private final int[] hiddenSizes;
    private final RbmConfig config;
    private final int epochsPerLayer;
    private final SplittableRandom seeds;
    private final List<Rbm> trained = new ArrayList<>();
    private final List<Double> errors = new ArrayList<>();
    private Dataset data;
    private Dataset heldOut;
    private RbmTrainer current;

    /**
     * @param data        training samples (their labels are kept but not used)
     * @param heldOut     samples for the held-out measures of each layer; may be null
     * @param hiddenSizes hidden units of each RBM, bottom first
     */
    public GreedyPretrainer(Dataset data, Dataset heldOut, int[] hiddenSizes, RbmConfig config, int epochsPerLayer,
                            long seed) {
        if (hiddenSizes.length == 0) {
            throw new IllegalArgumentException("pretraining needs at least one hidden layer size");
        }
        for (int h : hiddenSizes) {
            if (h < 1) {
                throw new IllegalArgumentException("every hidden layer needs at least 1 unit, got " + h);
            }
        }
        if (epochsPerLayer < 0) {
            throw new IllegalArgumentException("epochs per layer must be 0 or more, got " + epochsPerLayer);
        }
        this.hiddenSizes = hiddenSizes.clone();
        this.config = config;
        this.epochsPerLayer = epochsPerLayer;
        this.seeds = new SplittableRandom(seed);
        this.data = data;
        this.heldOut = heldOut;
    }

    public boolean isDone() {
        return trained.size() == hiddenSizes.length;
    }

    /** The index of the RBM being trained (0 = bottom); the number of RBMs once done. */
    public int layer() {
        return trained.size();
    }

    public int layers() {
        return hiddenSizes.length;
    }

    /** The trainer of the current layer (its RBM, epoch and measures), or null once done. */
    public RbmTrainer trainer() {
        if (current == null && !isDone()) {
            int visible = data.sampleShape().size();
            Rbm rbm = Rbm.random(visible, hiddenSizes[layer()], 0.01, seeds.split());
            current = new RbmTrainer(rbm, config, data, heldOut, epochsPerLayer, seeds.nextLong());
        }
        return current;
    }

    /** One update of the current layer; finishes the layer (and passes the data up) when its epochs are done. */
    public void runBatch() {
        RbmTrainer t = trainer();
        if (t == null) {
            throw new IllegalStateException("pretraining is done");
        }
        if (!t.isDone()) {
            t.runBatch();
        }
        if (t.isDone()) {
            finishLayer(t);
        }
    }

    /** Trains every remaining layer, telling {@code onEpoch} (layer index, measures) after each epoch. */
    public Dbn run(BiConsumer<Integer, RbmEpoch> onEpoch) {
        while (!isDone()) {
            RbmTrainer t = trainer();
            int layer = layer();
            t.fit(e -> onEpoch.accept(layer, e));
            finishLayer(t);
        }
        return dbn();
    }

    /** The stack, once every layer is trained. */
    public Dbn dbn() {
        if (!isDone()) {
            throw new IllegalStateException("pretraining has trained " + trained.size() + " of " + hiddenSizes.length
                    + " layers");
        }
        return new Dbn(trained, config, epochsPerLayer, errors);
    }

    private void finishLayer(RbmTrainer t) {
        trained.add(t.rbm());
        errors.add(t.history().isEmpty() ? Double.NaN : t.history().getLast().reconstructionError());
        current = null;
        if (!isDone()) {
            data = up(t.rbm(), data);
            heldOut = heldOut == null ? null : up(t.rbm(), heldOut);
        }
    }

    /** Every sample's hidden probabilities under {@code rbm}, with the sample's label, in stored order. */
    static Dataset up(Rbm rbm, Dataset d) {
        int n = d.size();
        float[] out = new float[n * rbm.hidden()];
        int[] labels = new int[n];
        int row = 0;
        Iterator<Batch> it = d.batches(1000);
        while (it.hasNext()) {
            Batch b = it.next();
            Tensor ph = rbm.hiddenProbabilities(b.inputs());
            System.arraycopy(ph.data(), 0, out, row * rbm.hidden(), ph.size());
            System.arraycopy(b.labels(), 0, labels, row, b.size());
            row += b.size();
        }
        return new Dataset(new Tensor(org.nnlab.engine.tensor.Shape.of(n, rbm.hidden()), out), labels);
    }
}
