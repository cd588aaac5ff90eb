package org.nnlab.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.engine.data.Augmentation;
import org.nnlab.engine.data.Batch;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.LossChoice;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Accuracy;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerConfig;
import org.nnlab.engine.model.TrainerEvent;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.engine.text.Message;
import org.nnlab.training.JobSnapshot.Confusion;
import org.nnlab.training.JobSnapshot.EpochPoint;
import org.nnlab.training.JobSnapshot.HealthPoint;
import org.nnlab.training.JobSnapshot.TrainPoint;

/**
 * One person's training run and everything it has produced. The scheduling fields ({@code state},
 * {@code onWorker}, the requests) belong to {@link TrainingService} and change only under its lock; the
 * model and trainer are used by one worker at a time during a slice, or under {@link #modelLock} by others;
 * the histories are guarded by this object.
 */
final class TrainingJob {
    private static final int MAX_POINTS = 3000;
    private static final int MAX_EXAMPLES = 12;
    private static final long VISUALS_EVERY_NANOS = 1_000_000_000L;

    final JobId id;
    final String owner;
    final TrainingRequest request;
    final Instant created = Instant.now();
    final long parameters;
    /** The memory this run will need to train, estimated before it starts (see {@link TrainingService#start}). */
    final long memoryBytes;
    final Object modelLock = new Object();

    volatile JobState state = JobState.QUEUED;
    boolean onWorker;
    boolean cancelRequested;
    int stepsRequested;
    Message message;
    long finishedAt;
    /** When it was last paused ({@link System#nanoTime}), to stop pauses that are forgotten. */
    long pausedAt;
    /** The part of the service's memory budget this job holds: {@link #memoryBytes} from its admission to its end. */
    long reservedBytes;

    private Sequential model;
    private Trainer trainer;
    private Dataset test;
    /** Once the run is over: its model in the engine's file format (null when it never built a sound one). */
    private byte[] modelBytes;
    private int trainSize;
    private int batchesPerEpoch;
    private int batchInEpoch;
    private long samplesDone;
    private List<float[]> bestWeights;
    /** The weights after the last epoch, for the charts that ask the network (points and texts only). */
    private volatile List<float[]> latestWeights;
    private final RateMeter rate = new RateMeter();
    private long lastVisuals;

    private final List<String> layerNames = new ArrayList<>();
    private final List<TrainPoint> trainHistory = new ArrayList<>();
    private final List<EpochPoint> epochHistory = new ArrayList<>();
    private final List<HealthPoint> healthHistory = new ArrayList<>();
    private JobSnapshot.Visuals visuals;
    private Confusion confusion;
    private double bestValidationAccuracy = Double.NaN;
    private int bestEpoch = -1;
    private int step;
    private int epoch;

    TrainingJob(JobId id, String owner, TrainingRequest request, long memoryBytes) {
        this.id = id;
        this.owner = owner;
        this.request = request;
        this.parameters = request.spec().paramCount();
        this.memoryBytes = memoryBytes;
    }

    private volatile boolean prepared;

    boolean isPrepared() {
        return prepared;
    }

    /** Builds the network and takes its data (just loaded): the first thing a job's first slice does. */
    void prepare(TrainingData.Sets loaded) {
        TrainingData.Sets sets = loaded.shapedFor(request.spec().input());
        Sequential m = Sequential.build(request.spec(), new SplittableRandom(request.seed()));
        Dataset train = sets.train();
        double validation = train.size() >= 50 ? request.validationFraction() : 0;
        int held = (int) Math.round(train.size() * validation);
        trainSize = train.size() - held;
        batchesPerEpoch = (trainSize + request.batchSize() - 1) / request.batchSize();
        int eventEvery = Math.max(1, Math.min(20, batchesPerEpoch / 20));
        Trainer t = new Trainer(m, LossChoice.forModel(request.spec()), request.optimizer().create(), train,
                new TrainerConfig(request.epochs(), request.batchSize(), validation, request.seed(), eventEvery, 0));
        if (request.augment()) {
            t.withBatchTransform(Augmentation.standard().asBatchTransform(new SplittableRandom(request.seed() ^ 0x9E3779B97F4A7C15L)));
        }
        synchronized (this) {
            List<Layer> layers = m.layers();
            for (int i = 0; i < layers.size(); i++) {
                if (!layers.get(i).params().isEmpty()) {
                    layerNames.add(i + " " + layers.get(i).spec().kind());
                }
            }
        }
        synchronized (modelLock) {
            model = m;
            test = sets.test();
            trainer = t;
            prepared = true;
        }
        rate.add(System.nanoTime(), 0);
    }

    /** The samples the trainer draws its mini-batches from (null before the job is prepared and after it ended). */
    Dataset trainingData() {
        synchronized (modelLock) {
            return trainer == null ? null : trainer.trainingData();
        }
    }

    Dataset testData() {
        synchronized (modelLock) {
            return test;
        }
    }

    /** One mini-batch; {@code report} forces layer statistics for this step (single-step mode). */
    void trainOneBatch(boolean report) {
        trainer.runBatch(report, this::record);
        if (trainer.divergence() == null) {
            int inBatch = Math.min(request.batchSize(), trainSize - batchInEpoch * request.batchSize());
            samplesDone += inBatch;
            batchInEpoch = (batchInEpoch + 1) % batchesPerEpoch;
        }
    }

    boolean trainingDone() {
        return trainer.isDone();
    }

    /** The engine's explanation when training diverged, else null. */
    Message divergence() {
        TrainerEvent.TrainingEnded d = trainer.divergence();
        return d == null ? null : d.reason();
    }

    private void record(TrainerEvent event) {
        switch (event) {
            case TrainerEvent.BatchDone b -> {
                synchronized (this) {
                    step = b.step();
                    add(trainHistory, new TrainPoint(b.step(), b.loss(), b.accuracy()));
                    add(healthHistory, health(b.step(), b.layers()));
                }
            }
            case TrainerEvent.EpochDone e -> {
                synchronized (this) {
                    step = e.step();
                    epoch = e.epoch() + 1;
                    epochHistory.add(new EpochPoint(e.epoch(), e.step(), e.loss(), e.accuracy(), e.validationLoss(),
                            e.validationAccuracy()));
                    if (e.hasValidation() && !(e.validationAccuracy() <= bestValidationAccuracy)) {
                        bestValidationAccuracy = e.validationAccuracy();
                        bestEpoch = e.epoch();
                        bestWeights = model.copyWeights();
                    }
                }
                if (LiveModel.wanted(request.data())) {
                    latestWeights = model.copyWeights();
                }
            }
            case TrainerEvent.TrainingEnded ignored -> {
            }
        }
    }

    private static HealthPoint health(int step, List<TrainerEvent.LayerStats> stats) {
        double[] norms = new double[stats.size()];
        double[] ratios = new double[stats.size()];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = stats.get(i).gradientNorm();
            ratios[i] = stats.get(i).updateRatio();
        }
        return new HealthPoint(step, norms, ratios);
    }

    private static <T> void add(List<T> history, T point) {
        history.add(point);
        if (history.size() > MAX_POINTS) {
            List<T> thinned = new ArrayList<>(MAX_POINTS / 2 + 1);
            for (int i = 0; i < history.size() - 1; i += 2) {
                thinned.add(history.get(i));
            }
            thinned.add(history.getLast());
            history.clear();
            history.addAll(thinned);
        }
    }

    /** At the end of a slice: the throughput clock and, about once a second (or when forced), the weight pictures. */
    void afterSlice(boolean forceVisuals) {
        long now = System.nanoTime();
        rate.add(now, samplesDone);
        if (model != null && (forceVisuals || now - lastVisuals >= VISUALS_EVERY_NANOS)) {
            lastVisuals = now;
            JobSnapshot.Visuals v = WeightPictures.of(model, step);
            synchronized (this) {
                visuals = v;
            }
        }
    }

    /** The run is over: the best checkpoint (by validation accuracy) becomes the model, then the test images are scored. */
    void finishModel() {
        if (model == null) {
            return;
        }
        synchronized (modelLock) {
            if (bestWeights != null) {
                model.restore(bestWeights);
            }
        }
        Confusion c = confusionOnTest();
        afterSlice(true);
        synchronized (this) {
            confusion = c;
        }
        synchronized (modelLock) {
            trainer = null;
            bestWeights = null;
        }
    }

    /**
     * The run is over (finished, failed, cancelled): everything it trained with goes at once, so its memory can
     * be reclaimed: the model with its layer buffers, the trainer with the optimizer state and batch buffers,
     * the checkpoint. What the page needs stays: the histories, the final figures, the test images (a view of
     * shared data), and when {@code keepModel} (the model is sound) the model as file bytes.
     */
    void releaseTrainingState(boolean keepModel) {
        synchronized (modelLock) {
            try {
                if (keepModel && model != null && modelBytes == null) {
                    modelBytes = ModelFile.toBytes(model);
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                modelBytes = null;
            } finally {
                model = null;
                trainer = null;
                bestWeights = null;
            }
        }
    }

    /** Whether the job still holds a model or a trainer (true only while it can train). */
    boolean holdsTrainingState() {
        synchronized (modelLock) {
            return model != null || trainer != null || bestWeights != null;
        }
    }

    private Confusion confusionOnTest() {
        int classes = Accuracy.classes(model.spec().outputShape());
        long[] counts = new long[classes * classes];
        List<List<Integer>> examples = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            examples.add(new ArrayList<>());
        }
        int index = 0;
        // the training batch size, so scoring allocates no layer buffers larger than training did
        var batches = test.batches(Math.min(256, request.batchSize()));
        while (batches.hasNext()) {
            Batch b = batches.next();
            int[] predicted = Accuracy.predictions(model.forward(b.inputs(), Mode.INFER));
            for (int i = 0; i < b.size(); i++, index++) {
                int cell = b.labels()[i] * classes + predicted[i];
                counts[cell]++;
                if (examples.get(cell).size() < MAX_EXAMPLES) {
                    examples.get(cell).add(index);
                }
            }
        }
        int[][] ex = new int[counts.length][];
        for (int i = 0; i < ex.length; i++) {
            ex[i] = examples.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new Confusion(classes, counts, ex);
    }

    /** A copy of the network with its weights after the last epoch, when the run keeps them (see {@link LiveModel}). */
    Sequential latestModel() {
        List<float[]> weights = latestWeights;
        if (weights == null) {
            return null;
        }
        Sequential copy = Sequential.build(request.spec(), new SplittableRandom(0));
        copy.restore(weights);
        return copy;
    }

    /** Test images by index, as per-sample float arrays (e.g. for the examples of a confusion matrix cell). */
    float[][] testImages(int[] indices) {
        synchronized (modelLock) {
            if (test == null) {
                return new float[0][];
            }
            int per = test.sampleShape().size();
            float[] picked = test.gather(indices, 0, indices.length).inputs().data();
            float[][] images = new float[indices.length][];
            for (int i = 0; i < indices.length; i++) {
                images[i] = java.util.Arrays.copyOfRange(picked, i * per, (i + 1) * per);
            }
            return images;
        }
    }

    /** The model in the engine's file format (the best checkpoint once the run is over), or null before it exists. */
    byte[] modelFile() {
        synchronized (modelLock) {
            return modelBytes != null ? modelBytes : model == null ? null : ModelFile.toBytes(model);
        }
    }

    long totalSamples() {
        return (long) trainSize * request.epochs();
    }

    synchronized JobSnapshot snapshot(int queuePosition) {
        long total = totalSamples();
        double progress = state == JobState.FINISHED ? 1 : total == 0 ? 0 : Math.min(1, (double) samplesDone / total);
        double perSecond = state == JobState.RUNNING ? rate.perSecond() : Double.NaN;
        double left = perSecond > 0 ? (total - samplesDone) / perSecond : Double.NaN;
        return new JobSnapshot(id, request.networkName(), state, queuePosition, message, step, epoch,
                request.epochs(), progress, perSecond, left, parameters, created, List.copyOf(layerNames),
                List.copyOf(trainHistory), List.copyOf(epochHistory), List.copyOf(healthHistory), visuals, confusion,
                bestValidationAccuracy, bestEpoch);
    }
}
