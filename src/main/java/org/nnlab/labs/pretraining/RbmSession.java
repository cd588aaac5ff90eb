package org.nnlab.labs.pretraining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.rbm.CdStep;
import org.nnlab.engine.rbm.GibbsChain;
import org.nnlab.engine.rbm.Rbm;
import org.nnlab.engine.rbm.RbmConfig;
import org.nnlab.engine.rbm.RbmEpoch;
import org.nnlab.engine.rbm.RbmTrainer;
import org.nnlab.engine.rbm.Uniforms;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.training.DataChoice;
import org.nnlab.training.SliceScheduler;
import org.nnlab.training.TrainingData;

/**
 * One page's RBM on MNIST, trained by CD-1 in slices of the {@link SliceScheduler} while the page watches:
 * after each slice (at most every {@code frameMillis}) the page gets an {@link RbmFrame} with the hidden
 * units' weights, reconstructions of test digits and the curves. Gibbs chains run as slices too. All work on
 * the machine holds its lock, so a chain never sees a half-done update. Closing it cancels everything.
 */
public final class RbmSession {
    /** Pixels of an MNIST digit, the RBM's visible units. */
    public static final int PIXELS = 784;
    /** Test digits reconstructed, and Gibbs chains run side by side. */
    public static final int DIGITS = 8;
    /** Pictures of the first chain kept, step after step. */
    public static final int STRIP = 24;
    private static final long SLICE_NANOS = 100_000_000L;
    private static final long SEED = 17;

    private final PretrainingService service;
    private final PretrainingProperties settings;
    private final String owner;
    private final Consumer<RbmFrame> frames;
    private final Consumer<GibbsFrame> dreams;
    private final Object lock = new Object();
    private final List<RbmPoint> curve = new ArrayList<>();
    private final List<float[]> strip = new ArrayList<>();
    private Dataset train;
    private Dataset heldOut;
    private Tensor probe;
    private RbmTrainer trainer;
    private double errorSum;
    private int errorCount;
    private GibbsChain chain;
    private long lastFrame;
    private volatile boolean training;
    private int generation;
    private volatile boolean closed;
    private SliceScheduler.Handle handle;

    RbmSession(PretrainingService service, String owner, Consumer<RbmFrame> frames, Consumer<GibbsFrame> dreams) {
        this.service = service;
        this.settings = service.settings();
        this.owner = owner;
        this.frames = frames;
        this.dreams = dreams;
    }

    /** Loads the data (in a slice) and shows the untrained machine: its weights are still noise. */
    public void show() {
        submit(() -> {
            synchronized (lock) {
                prepare();
                publish();
            }
            return false;
        });
    }

    /** Starts or continues training; after the last epoch it stops by itself. */
    public void train() {
        synchronized (lock) {
            if (training || closed || (trainer != null && trainer.isDone())) {
                return;
            }
            training = true;
            int mine = ++generation;
            handle = service.scheduler().submit(owner, () -> trainSlice(mine));
        }
    }

    /** Stops training after the current slice; {@link #train} continues. */
    public void pause() {
        training = false;
    }

    /** A new, untrained machine (training stops). */
    public void reset() {
        training = false;
        submit(() -> {
            synchronized (lock) {
                trainer = null;
                chain = null;
                curve.clear();
                strip.clear();
                prepare();
                publish();
            }
            return false;
        });
    }

    /** Starts {@link #DIGITS} chains from random pixels, or from the test digits, and shows them. */
    public void dream(boolean fromDigits) {
        submit(() -> {
            synchronized (lock) {
                prepare();
                Rbm now = trainer.rbm().copy();
                chain = fromDigits ? new GibbsChain(now, probe, Uniforms.from(new SplittableRandom(SEED)))
                        : GibbsChain.fromNoise(now, DIGITS, new SplittableRandom(SEED));
                strip.clear();
                Tensor start = chain.visible();
                strip.add(first(start));
                dreams.accept(new GibbsFrame(0, hundredths(start.data()), flatStrip()));
            }
            return false;
        });
    }

    /** Runs {@code steps} more Gibbs steps of the chains (started from noise if none are), showing the last. */
    public void dreamSteps(int steps) {
        submit(() -> {
            synchronized (lock) {
                prepare();
                if (chain == null) {
                    chain = GibbsChain.fromNoise(trainer.rbm().copy(), DIGITS, new SplittableRandom(SEED));
                }
                Tensor pv = null;
                for (int i = 0; i < steps; i++) {
                    pv = chain.step();
                    hundredths(pv.data());
                    strip.add(first(pv));
                    if (strip.size() > STRIP) {
                        strip.removeFirst();
                    }
                }
                dreams.accept(new GibbsFrame(chain.stepsTaken(), pv.data(), flatStrip()));
            }
            return false;
        });
    }

    public boolean isTraining() {
        return training;
    }

    /** Stops for good: no slice of this session runs any more. */
    public void close() {
        closed = true;
        training = false;
        if (handle != null) {
            handle.cancel();
        }
        service.closed(this);
    }

    private void submit(SliceScheduler.Slice slice) {
        if (!closed) {
            service.scheduler().submit(owner, () -> !closed && slice.run());
        }
    }

    /** One slice of training started by the {@code mine}-th press of train; an older one (paused since) just ends. */
    private boolean trainSlice(int mine) {
        synchronized (lock) {
            if (closed || !training || mine != generation) {
                return false;
            }
            prepare();
            long end = System.nanoTime() + SLICE_NANOS;
            do {
                CdStep step = trainer.runBatch();
                errorSum += step.reconstructionError();
                errorCount++;
                if (errorCount >= settings.measureEvery() || trainer.isDone()) {
                    measure();
                }
            } while (!trainer.isDone() && System.nanoTime() < end);
            if (trainer.isDone()) {
                training = false;
            }
            if (!training || System.nanoTime() - lastFrame >= settings.frameMillis() * 1_000_000L) {
                publish();
            }
            return training && !closed;
        }
    }

    private void prepare() {
        if (train == null) {
            try {
                TrainingData.Sets sets = service.data().load(DataChoice.mnist(settings.rbmSamples()));
                train = sets.train();
                probe = sets.test().gather(IntStream.range(0, DIGITS).toArray(), 0, DIGITS).inputs();
                heldOut = sets.test().view(IntStream.range(0, Math.min(1000, sets.test().size())).toArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (trainer == null) {
            Rbm rbm = Rbm.random(PIXELS, settings.rbmHidden(), 0.01, new SplittableRandom(SEED));
            RbmConfig config = RbmConfig.cd(1, settings.rbmLearningRate()).withBatchSize(32);
            trainer = new RbmTrainer(rbm, config, train, heldOut, settings.rbmEpochs(), SEED);
            errorSum = 0;
            errorCount = 0;
        }
    }

    private void measure() {
        RbmEpoch m = trainer.measure(trainer.epoch(), errorSum / Math.max(1, errorCount));
        curve.add(new RbmPoint(samplesSeen(), m.reconstructionError(), m.heldOutReconstructionError(),
                m.trainFreeEnergy(), m.heldOutFreeEnergy()));
        errorSum = 0;
        errorCount = 0;
    }

    private long samplesSeen() {
        long perEpoch = train.size();
        return trainer.epoch() * perEpoch + (long) trainer.batchInEpoch() * trainer.config().batchSize();
    }

    private void publish() {
        lastFrame = System.nanoTime();
        Rbm rbm = trainer.rbm();
        frames.accept(new RbmFrame(trainer.epoch(), trainer.epochs(), samplesSeen(), training, trainer.isDone(),
                rbm.hidden(), filters(rbm), probe.data().clone(), hundredths(rbm.reconstruct(probe).data()), List.copyOf(curve)));
    }

    /** Each hidden unit's incoming weights (a column of W), scaled so its largest magnitude is 1, to two decimals. */
    static float[] filters(Rbm rbm) {
        float[] w = rbm.weight().value().data();
        int hidden = rbm.hidden();
        float[] out = new float[hidden * PIXELS];
        for (int j = 0; j < hidden; j++) {
            float max = 0;
            for (int i = 0; i < PIXELS; i++) {
                max = Math.max(max, Math.abs(w[i * hidden + j]));
            }
            for (int i = 0; i < PIXELS; i++) {
                out[j * PIXELS + i] = max == 0 ? 0 : Math.round(w[i * hidden + j] / max * 100) / 100f;
            }
        }
        return out;
    }

    /** {@code values} rounded to two decimals, in place (a page draws them as grey levels; shorter to send). */
    static float[] hundredths(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(values[i] * 100) / 100f;
        }
        return values;
    }

    private static float[] first(Tensor chains) {
        float[] one = new float[PIXELS];
        System.arraycopy(chains.data(), 0, one, 0, PIXELS);
        return one;
    }

    private float[] flatStrip() {
        float[] out = new float[strip.size() * PIXELS];
        for (int i = 0; i < strip.size(); i++) {
            System.arraycopy(strip.get(i), 0, out, i * PIXELS, PIXELS);
        }
        return out;
    }
}
