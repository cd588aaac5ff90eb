package org.nnlab.labs.pretraining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.rbm.Dbn;
import org.nnlab.engine.rbm.GreedyPretrainer;
import org.nnlab.engine.rbm.RbmConfig;
import org.nnlab.labs.pretraining.ExperimentState.Phase;
import org.nnlab.training.DataChoice;
import org.nnlab.training.SliceScheduler;
import org.nnlab.training.TrainingData;

/**
 * The pretraining lab's experiment, run live in slices of the {@link SliceScheduler}: a stack of RBMs
 * (784-h₁-…-h_k) is pretrained greedily on MNIST images without their labels; then the same sigmoid network
 * (those hidden layers and a 10-way output) is fine-tuned by backpropagation twice for each number of labels,
 * once from random weights and once from the pretrained stack, with the same data order, optimizer and number
 * of updates. Each run reports its test accuracy and the mean gradient norm of every layer. All work holds the
 * experiment's lock; the page gets an {@link ExperimentState} after each slice, at most every {@code frameMillis},
 * and always when a phase or run ends. Closing it cancels the rest.
 */
public final class DbnExperiment {
    private static final long SLICE_NANOS = 150_000_000L;
    private static final long SEED = 2006;

    private final PretrainingService service;
    private final PretrainingProperties settings;
    private final Consumer<ExperimentState> listener;
    private final Object lock = new Object();
    private final List<ExperimentRow> rows = new ArrayList<>();
    private final List<FineTuning.Run> runs = new ArrayList<>();
    private final SliceScheduler.Handle handle;
    private Phase phase = Phase.LOADING;
    private Dataset all;
    private Dataset pool;
    private Dataset test;
    private int[] labelOrder;
    private GreedyPretrainer pretrainer;
    private long pretrainStart;
    private double pretrainSeconds = Double.NaN;
    private Dbn dbn;
    private FineTuning current;
    private long lastState;
    private volatile boolean closed;

    DbnExperiment(PretrainingService service, String owner, Consumer<ExperimentState> listener) {
        this.service = service;
        this.settings = service.settings();
        this.listener = listener;
        this.handle = service.scheduler().submit(owner, this::slice);
    }

    /** Stops for good; the runs done so far stay as they were. */
    public void close() {
        closed = true;
        handle.cancel();
        service.closed(this);
    }

    public boolean isDone() {
        return handle.isDone();
    }

    private boolean slice() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            long end = System.nanoTime() + SLICE_NANOS;
            boolean changed = false;
            while (phase != Phase.DONE && System.nanoTime() < end && !closed) {
                changed |= advance();
            }
            if (changed || System.nanoTime() - lastState >= settings.frameMillis() * 1_000_000L) {
                lastState = System.nanoTime();
                listener.accept(state());
            }
            return phase != Phase.DONE && !closed;
        }
    }

    /** One small step of work; true when a phase or a run ended. */
    private boolean advance() {
        switch (phase) {
            case LOADING -> {
                load();
                int[] hidden = settings.dbnHidden().stream().mapToInt(Integer::intValue).toArray();
                pretrainer = new GreedyPretrainer(pool, null, hidden, RbmConfig.cd(1, 0.1), settings.dbnEpochsPerLayer(), SEED);
                pretrainStart = System.nanoTime();
                phase = Phase.PRETRAINING;
                return true;
            }
            case PRETRAINING -> {
                int layer = pretrainer.layer();
                pretrainer.runBatch();
                if (pretrainer.isDone()) {
                    dbn = pretrainer.dbn();
                    pretrainSeconds = (System.nanoTime() - pretrainStart) / 1e9;
                    phase = Phase.FINE_TUNING;
                }
                return pretrainer.layer() != layer;
            }
            case FINE_TUNING -> {
                if (current == null) {
                    FineTuning.Run run = runs.get(rows.size());
                    current = new FineTuning(run, labelled(run.labels()), test, settings, dbn, SEED);
                }
                if (!current.advance()) {
                    return false;
                }
                rows.add(current.row());
                current = null;
                if (rows.size() == runs.size()) {
                    phase = Phase.DONE;
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void load() {
        try {
            TrainingData.Sets sets = service.data().load(DataChoice.mnist(0));
            all = sets.train();
            test = sets.test().view(IntStream.range(0, Math.min(settings.testSamples(), sets.test().size())).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int poolSize = Math.min(settings.dbnPool(), all.size());
        pool = all.view(IntStream.range(0, poolSize).toArray());
        labelOrder = Dataset.permutation(poolSize, new SplittableRandom(SEED));
        for (int n : settings.fewLabels()) {
            runs.add(new FineTuning.Run(Math.min(n, poolSize), false));
            runs.add(new FineTuning.Run(Math.min(n, poolSize), true));
        }
        runs.add(new FineTuning.Run(all.size(), false));
        runs.add(new FineTuning.Run(all.size(), true));
    }

    private Dataset labelled(int n) {
        return n >= all.size() ? all : pool.view(Arrays.copyOf(labelOrder, n));
    }

    private ExperimentState state() {
        double progress = switch (phase) {
            case PRETRAINING -> pretrainer.isDone() || pretrainer.trainer() == null ? 1
                    : pretrainer.trainer().epoch() + (double) pretrainer.trainer().batchInEpoch() / pretrainer.trainer().batchesPerEpoch();
            case FINE_TUNING -> current == null ? 0 : current.progress();
            case DONE -> 1;
            default -> 0;
        };
        if (phase == Phase.PRETRAINING) {
            progress /= settings.dbnEpochsPerLayer();
        }
        FineTuning.Run run = phase == Phase.FINE_TUNING && rows.size() < runs.size() ? runs.get(rows.size()) : null;
        List<Double> errors = dbn == null ? List.of() : dbn.reconstructionErrors();
        return new ExperimentState(phase, pretrainer == null ? 0 : pretrainer.layer(), settings.dbnHidden().size(),
                pretrainSeconds, errors, run == null ? 0 : run.labels(), run != null && run.pretrained(),
                Math.min(1, progress), test == null ? 0 : test.size(), List.copyOf(rows), runs.size());
    }
}
