package org.nnlab.workshop.classdata;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.digits.DigitModel;
import org.nnlab.digits.DigitModels;
import org.nnlab.digits.ShippedDigitModels;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.model.ConfusionMatrix;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.MnistTrainingData;
import org.nnlab.training.Subscription;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;
import org.nnlab.workshop.RoomEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a room's experiments on its class dataset. The shipped model is tested on a thread of its own; the
 * two that train do so as ordinary runs of the training service (owner {@code class:<room>}, so they share
 * the workers fairly with everyone), and are tested when the service says they ended: on the held-out class
 * drawings (the run's own test set) and on the MNIST test images. Small on purpose: a 784-64-10 network, a
 * few thousand images, so that each finishes within about a minute on two cores.
 */
@Service
class ClassExperiments implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClassExperiments.class);
    static final String OWNER_PREFIX = "class:";
    static final int MNIST_IMAGES = 10_000;
    static final int CLASS_EPOCHS = 20;
    static final int MIXED_EPOCHS = 5;
    /** The network both training experiments use: 784-64-10 with ReLU, about 51 k parameters. */
    static final ModelSpec NETWORK = ModelSpec.of(Mnist.IMAGE_SHAPE, new FlattenSpec(),
            new DenseSpec(64, Init.he(), Init.zeros()), new ReluSpec(), new DenseSpec(10));

    private record Pending(String roomId, Experiment.Kind kind) {
    }

    private final ClassDrawings drawings;
    private final ExperimentStore store;
    private final DigitModels models;
    private final TrainingService training;
    private final MnistTrainingData mnist;
    private final RoomEvents events;
    private final Map<JobId, Pending> pending = new HashMap<>();
    private final Subscription endings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "class-experiments");
        t.setDaemon(true);
        return t;
    });

    ClassExperiments(ClassDrawings drawings, ExperimentStore store, DigitModels models, TrainingService training,
                     MnistTrainingData mnist, RoomEvents events) {
        this.drawings = drawings;
        this.store = store;
        this.models = models;
        this.training = training;
        this.mnist = mnist;
        this.events = events;
        this.endings = training.onRunEnded(run -> {
            if (run.owner().startsWith(OWNER_PREFIX)) {
                worker.execute(() -> finish(run));
            }
        });
    }

    /**
     * Starts {@code kind} for the room; its results replace the last ones when it is done.
     *
     * @throws LocalizedException when the class has too few drawings, or the training service refuses the run
     */
    void start(String roomId, Experiment.Kind kind) {
        switch (kind) {
            case SHIPPED_ON_CLASS -> {
                LabeledImages all = ClassDrawings.images(drawings.list(roomId));
                if (all.size() == 0) {
                    throw new LocalizedException("classdata.error.noDrawings", "the class has no drawings yet");
                }
                store.started(roomId, kind, Instant.now());
                changed(roomId);
                worker.execute(() -> shippedOnClass(roomId, all));
            }
            case CLASS_TRAINED -> {
                requireEnoughToTrain(roomId);
                train(roomId, kind, ClassDataSets.classOnly(roomId), CLASS_EPOCHS);
            }
            case MNIST_PLUS_CLASS -> {
                requireEnoughToTrain(roomId);
                train(roomId, kind, ClassDataSets.withMnist(roomId, MNIST_IMAGES), MIXED_EPOCHS);
            }
        }
    }

    /**
     * Refuses a training experiment, in words the instructor can act on, while the class has fewer than
     * {@link ClassDataSets#MIN_TRAINING} drawings to train on (every fifth drawing of a digit is held out for
     * testing); the training service would otherwise refuse the run with a bare technical message.
     */
    private void requireEnoughToTrain(String roomId) {
        int[] counts = drawings.countsByLabel(roomId);
        int training = ClassDataSets.trainingCount(counts);
        if (training < ClassDataSets.MIN_TRAINING) {
            throw new LocalizedException("classdata.error.tooFewToTrain", "the class has " + training
                    + " drawings to train on; at least " + ClassDataSets.MIN_TRAINING + " are needed",
                    training, ClassDataSets.MIN_TRAINING, ClassDrawings.HOLD_OUT_EVERY);
        }
    }

    List<Experiment> of(String roomId) {
        return store.of(roomId);
    }

    private void shippedOnClass(String roomId, LabeledImages all) {
        try {
            DigitModel model = models.find(ShippedDigitModels.CNN, null)
                    .orElseGet(() -> models.defaultModel(null).orElseThrow());
            ConfusionMatrix m = models.withNetwork(model, network -> ConfusionMatrix.of(network, all.toDataset(), 64));
            store.done(roomId, Experiment.Kind.SHIPPED_ON_CLASS,
                    List.of(new Experiment.Evaluation(Experiment.TestSet.CLASS_ALL, counts(m))), Instant.now());
        } catch (RuntimeException e) {
            log.warn("the shipped model could not be tested on the class drawings of room {}", roomId, e);
            store.failed(roomId, Experiment.Kind.SHIPPED_ON_CLASS, e.getMessage(), Instant.now());
        }
        changed(roomId);
    }

    private void train(String roomId, Experiment.Kind kind, DataChoice data, int epochs) {
        TrainingRequest request = new TrainingRequest("class-" + kind.name().toLowerCase(), NETWORK, data,
                new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0, 0), 32, epochs, 18L, false, 0.1);
        synchronized (pending) {
            JobSnapshot job = training.start(OWNER_PREFIX + roomId, request);
            pending.put(job.id(), new Pending(roomId, kind));
            store.started(roomId, kind, Instant.now());
        }
        changed(roomId);
    }

    private void finish(TrainingService.EndedRun run) {
        Pending p;
        synchronized (pending) {
            p = pending.remove(run.snapshot().id());
        }
        if (p == null) {
            return;
        }
        try {
            JobSnapshot s = run.snapshot();
            if (s.state() != JobState.FINISHED || s.confusion() == null) {
                store.failed(p.roomId(), p.kind(), s.message() == null ? s.state().name() : s.message().toString(),
                        Instant.now());
            } else {
                Sequential model = ModelFile.fromBytes(training.modelFile(run.owner(), s.id()));
                Dataset mnistTest = mnist.load(DataChoice.mnist(0)).test();
                store.done(p.roomId(), p.kind(), List.of(
                        new Experiment.Evaluation(Experiment.TestSet.CLASS_HELD_OUT, s.confusion().counts().clone()),
                        new Experiment.Evaluation(Experiment.TestSet.MNIST_TEST,
                                counts(ConfusionMatrix.of(model, mnistTest, 256)))), Instant.now());
            }
        } catch (Exception e) {
            log.warn("experiment {} of room {} could not be tested", p.kind(), p.roomId(), e);
            store.failed(p.roomId(), p.kind(), e.getMessage(), Instant.now());
        }
        changed(p.roomId());
    }

    static long[] counts(ConfusionMatrix m) {
        int k = Experiment.Evaluation.CLASSES;
        long[] counts = new long[k * k];
        for (int t = 0; t < Math.min(k, m.classes()); t++) {
            for (int p = 0; p < Math.min(k, m.classes()); p++) {
                counts[t * k + p] = m.count(t, p);
            }
        }
        return counts;
    }

    private void changed(String roomId) {
        events.publish(new ClassDataChanged(roomId, ClassDataChanged.What.EXPERIMENT, ""));
    }

    @Override
    public void close() {
        endings.close();
        worker.shutdownNow();
    }
}
