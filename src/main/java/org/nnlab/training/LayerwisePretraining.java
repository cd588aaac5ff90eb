package org.nnlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.model.Pretraining;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.rbm.CdStep;
import org.nnlab.engine.rbm.Dbn;
import org.nnlab.engine.rbm.GreedyPretrainer;
import org.nnlab.engine.rbm.Rbm;
import org.nnlab.engine.rbm.RbmConfig;
import org.nnlab.engine.rbm.RbmTrainer;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SigmoidSpec;

/**
 * The pretraining phase of a run whose network is a dense sigmoid stack ([Flatten,] (Dense + Sigmoid)…, Dense):
 * one RBM per hidden layer, trained greedily by CD-1 on the training images (labels unused), each on the hidden
 * probabilities of the one below, in slices like the rest of the run. When done, the RBMs' weights and hidden
 * biases become the hidden Dense layers' starting weights, and the run fine-tunes as usual.
 */
final class LayerwisePretraining {
    static final double LEARNING_RATE = 0.1;
    static final int BATCH = 32;
    /** Updates per point of the error curve. */
    static final int POINT_EVERY = 20;
    static final int FILTERS = 36;
    private static final long FILTERS_EVERY_NANOS = 1_000_000_000L;

    private final GreedyPretrainer pretrainer;
    private final int[] hidden;
    private final int epochs;
    private final int imageSide;
    private final List<PretrainingProgress.ErrorPoint> curve = new ArrayList<>();
    private final List<float[]> below = new ArrayList<>();
    private double errorSum;
    private int errorCount;
    private long lastFilters;
    private JobSnapshot.Filters filters;
    private volatile PretrainingProgress progress;

    LayerwisePretraining(ModelSpec spec, Dataset train, int epochsPerLayer, long seed) {
        this.hidden = hiddenSizes(spec);
        this.epochs = epochsPerLayer;
        int pixels = spec.input().size();
        int side = (int) Math.round(Math.sqrt(pixels));
        this.imageSide = spec.input().rank() >= 2 && side * side == pixels ? side : 0;
        this.pretrainer = new GreedyPretrainer(train, null, hidden, RbmConfig.cd(1, LEARNING_RATE).withBatchSize(BATCH),
                epochsPerLayer, seed);
        publish(true);
    }

    /**
     * The hidden sizes of a dense sigmoid stack: [Flatten,] then (Dense + Sigmoid) at least once, then one Dense.
     *
     * @throws TrainingRefusedException for any other network
     */
    /** Whether runs of {@code spec} can be pretrained layer by layer: a dense sigmoid stack. */
    static boolean canPretrain(ModelSpec spec) {
        try {
            hiddenSizes(spec);
            return true;
        } catch (TrainingRefusedException notAStack) {
            return false;
        }
    }

    static int[] hiddenSizes(ModelSpec spec) {
        List<LayerSpec> layers = spec.layers();
        int at = !layers.isEmpty() && layers.getFirst() instanceof FlattenSpec ? 1 : 0;
        List<Integer> sizes = new ArrayList<>();
        while (at + 1 < layers.size() && layers.get(at) instanceof DenseSpec d && layers.get(at + 1) instanceof SigmoidSpec) {
            sizes.add(d.units());
            at += 2;
        }
        if (sizes.isEmpty() || at != layers.size() - 1 || !(layers.get(at) instanceof DenseSpec)) {
            throw new TrainingRefusedException("train.error.pretrainStack", "layer-wise pretraining needs a dense sigmoid"
                    + " stack: [Flatten,] Dense + Sigmoid (one or more), then a Dense output layer");
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The extra memory pretraining holds: the largest layer's inputs, as the stack passes the data up. */
    static long memoryNeeded(ModelSpec spec, int samples) {
        int[] sizes = hiddenSizes(spec);
        long widest = 0;
        for (int i = 0; i + 1 < sizes.length; i++) {
            widest = Math.max(widest, sizes[i]);
        }
        return 2L * samples * widest * Float.BYTES;
    }

    boolean isDone() {
        return pretrainer.isDone();
    }

    /**
     * Trains RBM mini-batches until {@code maxBatches} ran or {@code maxNanos} passed, or {@code goOn} says stop
     * (a pause or a stop); the first one always runs.
     */
    void runSlice(int maxBatches, long maxNanos, BooleanSupplier goOn) {
        long start = System.nanoTime();
        for (int n = 0; !pretrainer.isDone(); n++) {
            if (n >= maxBatches || (n > 0 && (System.nanoTime() - start >= maxNanos || !goOn.getAsBoolean()))) {
                break;
            }
            step();
        }
        publish(false);
    }

    private void step() {
        int layer = pretrainer.layer();
        RbmTrainer t = pretrainer.trainer();
        CdStep step = t.runBatch();
        long samples = (long) t.epoch() * t.batchesPerEpoch() * BATCH + (long) t.batchInEpoch() * BATCH;
        errorSum += step.reconstructionError();
        errorCount++;
        if (errorCount >= POINT_EVERY || t.isDone()) {
            curve.add(new PretrainingProgress.ErrorPoint(layer, Math.min(samples, (long) t.epochs() * t.batchesPerEpoch() * BATCH),
                    errorSum / errorCount));
            errorSum = 0;
            errorCount = 0;
        }
        if (t.isDone()) {
            below.add(t.rbm().weight().value().data());
            pretrainer.runBatch(); // the layer is done: passes the data up to the next
            lastFilters = 0;
        }
    }

    /** Publishes where the pretraining is; the pictures at most once a second unless {@code force}. */
    private void publish(boolean force) {
        long now = System.nanoTime();
        if (imageSide > 0 && (force || lastFilters == 0 || now - lastFilters >= FILTERS_EVERY_NANOS)) {
            filters = pictures();
            lastFilters = now;
        }
        int layer = pretrainer.layer();
        RbmTrainer t = pretrainer.trainer();
        double inLayer = t == null ? 0 : Math.min(1, (t.epoch() + (double) t.batchInEpoch() / t.batchesPerEpoch()) / epochs);
        progress = new PretrainingProgress(layer, hidden.length, t == null ? epochs : t.epoch(), epochs,
                (layer + inLayer) / hidden.length, List.copyOf(curve), filters);
    }

    /** Where the run is now (any thread). */
    PretrainingProgress progress() {
        return progress;
    }

    /**
     * Gives the hidden Dense layers of {@code model} (built from the same spec) the RBMs' weights and hidden biases;
     * returns the record the model file keeps.
     */
    Pretraining initialise(Sequential model) {
        Dbn dbn = pretrainer.dbn();
        RbmConfig c = dbn.config();
        List<Pretraining.RbmLayer> record = new ArrayList<>();
        List<LayerSpec> specs = model.spec().layers();
        for (int at = 0, i = 0; at < specs.size() && i < dbn.rbms().size(); at++) {
            if (specs.get(at) instanceof DenseSpec) {
                Rbm rbm = dbn.rbms().get(i);
                Layer dense = model.layers().get(at);
                dense.params().get(0).value().copyFrom(rbm.weight().value());
                dense.params().get(1).value().copyFrom(rbm.hiddenBias().value());
                record.add(new Pretraining.RbmLayer(at, rbm.visible(), rbm.hidden(), c.gibbsSteps(), c.persistent(),
                        dbn.epochsPerLayer(), c.learningRate(), c.momentum(), c.weightDecay(), c.batchSize(),
                        dbn.reconstructionErrors().get(i)));
                i++;
            }
        }
        return new Pretraining(record);
    }

    /**
     * The first {@value #FILTERS} hidden units of the current (or, once done, the top) RBM, each as the image its
     * weights make when passed down through the finished layers below: W₁·…·W_{k−1}·w_j.
     */
    private JobSnapshot.Filters pictures() {
        RbmTrainer t = pretrainer.trainer();
        List<float[]> weights = new ArrayList<>(below);
        int[] visible = new int[hidden.length];
        visible[0] = imageSide * imageSide;
        for (int i = 1; i < hidden.length; i++) {
            visible[i] = hidden[i - 1];
        }
        int top;
        if (t != null) {
            weights.add(t.rbm().weight().value().data());
            top = pretrainer.layer();
        } else {
            top = hidden.length - 1;
        }
        int count = Math.min(FILTERS, hidden[top]);
        int pixels = visible[0];
        float[] out = new float[count * pixels];
        for (int j = 0; j < count; j++) {
            float[] v = new float[hidden[top]];
            v[j] = 1;
            for (int k = top; k >= 0; k--) {
                float[] w = weights.get(k);
                float[] down = new float[visible[k]];
                for (int r = 0; r < visible[k]; r++) {
                    double sum = 0;
                    for (int c = 0; c < hidden[k]; c++) {
                        sum += w[r * hidden[k] + c] * v[c];
                    }
                    down[r] = (float) sum;
                }
                v = down;
            }
            System.arraycopy(v, 0, out, j * pixels, pixels);
        }
        return new JobSnapshot.Filters(count, imageSide, imageSide, out);
    }
}
