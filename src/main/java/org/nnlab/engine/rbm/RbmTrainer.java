package org.nnlab.engine.rbm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nnlab.engine.data.Batch;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.tensor.Tensor;

/**
 * Trains one {@link Rbm} on a data set (labels ignored) for a number of epochs, each visiting the samples in
 * a new shuffled order, and measures it after every epoch ({@link RbmEpoch}). Everything random (the order,
 * the samples of the chain, the monitoring samples) comes from one seed, so a run is reproducible.
 * {@link #runBatch} does one update, for callers that schedule the work themselves (and may pause or stop
 * between updates); {@link #fit} runs the rest. Not thread-safe.
 */
public final class RbmTrainer {
    /** At most this many samples of each data set are measured after every epoch. */
    public static final int MONITOR_SAMPLES = 1000;

    private final ContrastiveDivergence cd;
    private final Dataset train;
    private final int epochs;
    private final SplittableRandom order;
    private final Tensor trainSample;
    private final Tensor heldOutSample;
    private final List<RbmEpoch> history = new ArrayList<>();
    private Iterator<Batch> batches;
    private int epoch;
    private int batchInEpoch;
    private double errorSum;

    /**
     * @param heldOut data not trained on, for the free-energy gap and held-out reconstruction error; may be null
     */
    public RbmTrainer(Rbm rbm, RbmConfig config, Dataset train, Dataset heldOut, int epochs, long seed) {
        if (train.size() == 0 || train.sampleShape().size() != rbm.visible()) {
            throw new IllegalArgumentException("an RBM with " + rbm.visible() + " visible units needs samples of "
                    + rbm.visible() + " values; got " + train.size() + " samples of shape " + train.sampleShape());
        }
        if (heldOut != null && heldOut.sampleShape().size() != rbm.visible()) {
            throw new IllegalArgumentException("held-out samples of shape " + heldOut.sampleShape() + " do not fit an RBM"
                    + " with " + rbm.visible() + " visible units");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be 0 or more, got " + epochs);
        }
        SplittableRandom root = new SplittableRandom(seed);
        this.order = root.split();
        this.cd = new ContrastiveDivergence(rbm, config, Uniforms.from(root.split()));
        this.train = train;
        this.epochs = epochs;
        this.trainSample = monitoringSample(train, root);
        this.heldOutSample = heldOut == null || heldOut.size() == 0 ? null : monitoringSample(heldOut, root);
    }

    private static Tensor monitoringSample(Dataset data, SplittableRandom rng) {
        int[] picked = Dataset.permutation(data.size(), rng);
        return data.gather(picked, 0, Math.min(MONITOR_SAMPLES, picked.length)).inputs();
    }

    public Rbm rbm() {
        return cd.rbm();
    }

    public RbmConfig config() {
        return cd.config();
    }

    /** One update on the next mini-batch; at the end of an epoch the epoch is measured and added to {@link #history}. */
    public CdStep runBatch() {
        if (isDone()) {
            throw new IllegalStateException("all " + epochs + " epochs are done");
        }
        if (batches == null) {
            batches = train.shuffledBatches(cd.config().batchSize(), order);
        }
        CdStep step = cd.update(batches.next().inputs());
        errorSum += step.reconstructionError();
        batchInEpoch++;
        if (!batches.hasNext()) {
            history.add(measure(epoch + 1, errorSum / batchInEpoch));
            epoch++;
            batches = null;
            batchInEpoch = 0;
            errorSum = 0;
        }
        return step;
    }

    /** Runs every remaining epoch, telling {@code onEpoch} after each; returns the whole history. */
    public List<RbmEpoch> fit(Consumer<RbmEpoch> onEpoch) {
        while (!isDone()) {
            int before = history.size();
            runBatch();
            if (history.size() > before) {
                onEpoch.accept(history.getLast());
            }
        }
        return history();
    }

    /** The measures of the current state on the monitoring samples, as after an epoch. */
    public RbmEpoch measure(int epochNumber, double trainingError) {
        Rbm rbm = cd.rbm();
        boolean held = heldOutSample != null;
        return new RbmEpoch(epochNumber, trainingError,
                held ? RbmMonitor.reconstructionError(rbm, heldOutSample) : Double.NaN,
                RbmMonitor.meanFreeEnergy(rbm, trainSample),
                held ? RbmMonitor.meanFreeEnergy(rbm, heldOutSample) : Double.NaN,
                RbmMonitor.hiddenActivity(rbm, trainSample));
    }

    public boolean isDone() {
        return epoch >= epochs;
    }

    /** Epochs completed. */
    public int epoch() {
        return epoch;
    }

    public int epochs() {
        return epochs;
    }

    /** Updates done in the current epoch. */
    public int batchInEpoch() {
        return batchInEpoch;
    }

    public int batchesPerEpoch() {
        return (train.size() + cd.config().batchSize() - 1) / cd.config().batchSize();
    }

    /** One entry per completed epoch. */
    public List<RbmEpoch> history() {
        return List.copyOf(history);
    }
}
