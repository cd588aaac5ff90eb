package org.nnlab.training;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.TrainingMemory;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.text.Message;
import org.nnlab.engine.model.Sequential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runs everybody's training jobs on a fixed set of worker threads, fairly. Jobs that hold a place (up to
 * {@code maxActive}; more wait in a first-come queue) take turns: a worker takes the job at the head of
 * the round-robin line, trains it for one slice (a few mini-batches or about 100 ms), and puts it at the
 * back. With n jobs each advances at about 1/n of its solo speed; a job's kernels get the cores that
 * are not busy with other jobs, so a lone job uses all of them.
 * <p>
 * Every call names the owner (a browser session, later a workshop participant); a job id that is not the
 * owner's is treated as unknown. Jobs outlive the pages that started them; finished ones are kept a
 * while ({@code keepFinishedPerUser}) to be looked at and saved. Updates reach subscribers coalesced
 * (see {@link #subscribe}). Worker threads call {@link #runNextSlice}; {@link TrainingWorkers} starts them.
 */
@Service
public class TrainingService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

    private final TrainingProperties properties;
    private final TrainingData data;
    private final OwnImages ownImages;
    private final RunJournal journal;
    private final Map<JobId, TrainingJob> jobs = new ConcurrentHashMap<>();
    private final Map<JobId, Set<Feed>> feeds = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final ArrayDeque<TrainingJob> ready = new ArrayDeque<>();
    private final ArrayList<TrainingJob> waiting = new ArrayList<>();
    private final Set<TrainingJob> admitted = new HashSet<>();
    private int onWorkers;
    /** Sum of {@link TrainingJob#reservedBytes} over all jobs. */
    private long reservedBytes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "training-updates");
        t.setDaemon(true);
        return t;
    });

    /** A service without people's own images (runs on {@link DataChoice#DRAWINGS} are refused). */
    public TrainingService(TrainingProperties properties, TrainingData data) {
        this(properties, data, null);
    }

    /** A service that keeps no journal of runs (a restart then stops runs without telling anybody). */
    public TrainingService(TrainingProperties properties, TrainingData data, OwnImages ownImages) {
        this(properties, data, ownImages, RunJournal.NONE);
    }

    @Autowired
    public TrainingService(TrainingProperties properties, TrainingData data, OwnImages ownImages, RunJournal journal) {
        this.properties = properties;
        this.data = data;
        this.ownImages = ownImages;
        this.journal = journal;
        timer.scheduleWithFixedDelay(this::forgetExpiredJobs, 1, 1, java.util.concurrent.TimeUnit.MINUTES);
    }

    /**
     * Ended jobs are kept {@code keepFinishedMinutes}, so a person can come back to save one, then forgotten.
     * Jobs paused longer than {@code maxPausedMinutes} are stopped (as the Stop button does: scored, model
     * kept), so that a forgotten pause gives back the memory it holds.
     */
    void forgetExpiredJobs() {
        long now = System.nanoTime();
        long limit = now - properties.keepFinishedMinutes() * 60_000_000_000L;
        long pauseLimit = now - properties.maxPausedMinutes() * 60_000_000_000L;
        List<TrainingJob> idle = new ArrayList<>();
        synchronized (lock) {
            for (TrainingJob job : List.copyOf(jobs.values())) {
                if (job.state.isFinal() && job.finishedAt - limit < 0) {
                    forget(job);
                } else if (job.state == JobState.PAUSED && job.pausedAt - pauseLimit < 0) {
                    idle.add(job);
                }
            }
        }
        for (TrainingJob job : idle) {
            log.info("training job {} of {} was paused over {} minutes: stopping it", job.id, job.owner,
                    properties.maxPausedMinutes());
            stop(job.owner, job.id);
        }
    }

    private void forget(TrainingJob job) {
        jobs.remove(job.id);
        Set<Feed> gone = feeds.remove(job.id);
        if (gone != null) {
            gone.forEach(Feed::close);
        }
    }

    public TrainingProperties properties() {
        return properties;
    }

    /**
     * Starts a job for {@code owner}: it gets a place among the running jobs at once, or waits in the queue.
     *
     * A job needs its estimated training memory ({@link #memoryNeeded}) besides a place: it is refused when
     * that is more than one run may have ({@link TrainingProperties#runLimitBytes}), and waits in the queue
     * while the runs that hold memory leave too little of {@link TrainingProperties#totalLimitBytes}. It
     * holds its memory until it ends, also while paused; then it drops everything it trained with.
     *
     * @throws TrainingRefusedException (with a text key) when a setting is out of range, the network is invalid
     *                                  or too big, the run too long or too large for memory, the owner has too
     *                                  many jobs going, or the queue is full
     */
    public JobSnapshot start(String owner, TrainingRequest request) {
        requireOwner(owner);
        long memory = checkRequest(owner, request);
        TrainingJob job = new TrainingJob(JobId.random(), owner, request, memory);
        synchronized (lock) {
            long going = jobs.values().stream().filter(j -> j.owner.equals(owner) && !j.state.isFinal()).count();
            if (going >= properties.runningPerUser()) {
                throw new TrainingRefusedException("train.error.tooManyRunning",
                        "you already have " + going + " training job(s) going; the limit is " + properties.runningPerUser(),
                        properties.runningPerUser());
            }
            boolean now = waiting.isEmpty() && canAdmit(job);
            if (!now && waiting.size() >= properties.maxQueued()) {
                throw new TrainingRefusedException("train.error.queueFull",
                        "the server is busy: " + waiting.size() + " jobs are waiting already", waiting.size());
            }
            jobs.put(job.id, job);
            if (now) {
                admit(job);
            } else {
                waiting.add(job);
            }
            forgetOldJobs(owner);
        }
        journal.started(job.id, owner, request);
        log.info("training job {} started by {}: {} on {}, about {} to train", job.id, owner, request.networkName(),
                request.data(), MemorySize.format(memory));
        return snapshotOf(job);
    }

    /**
     * Checks every field of the request against this server's limits, and returns the memory the run will
     * need: the engine's {@link TrainingMemory} estimate at the batch it will really use, plus its own
     * copies of data (index lists of its samples; the images themselves when they are the owner's drawings).
     */
    private long checkRequest(String owner, TrainingRequest request) {
        RequestChecks.check(request, properties);
        long parameters;
        try {
            request.spec().validate();
            parameters = request.spec().paramCount();
        } catch (SpecException e) {
            throw new TrainingRefusedException("train.error.invalidSpec", e.getMessage(), e.explanation());
        }
        if (parameters > properties.maxParameters()) {
            throw new TrainingRefusedException("train.error.tooManyParameters", "the network has " + parameters
                    + " parameters; the limit is " + properties.maxParameters(), parameters, properties.maxParameters());
        }
        int size = trainingSize(owner, request.data());
        long samples = (long) size * request.epochs();
        if (samples > properties.maxSamples()) {
            throw new TrainingRefusedException("train.error.tooManySamples", "the run would train on " + samples
                    + " samples (samples × epochs); the limit is " + properties.maxSamples(), samples, properties.maxSamples());
        }
        long memory = memoryNeeded(request, size);
        long limit = properties.runLimitBytes();
        if (memory > limit) {
            throw new TrainingRefusedException("train.error.tooMuchMemory", "the run needs about "
                    + MemorySize.format(memory) + " to train; the limit per run is " + MemorySize.format(limit),
                    MemorySize.format(memory), MemorySize.format(limit));
        }
        return memory;
    }

    /**
     * The memory a run of {@code request} on {@code size} training samples will hold, in bytes: what
     * admission compares with the limits (see {@link #start}).
     */
    public static long memoryNeeded(TrainingRequest request, int size) {
        int batch = Math.max(1, Math.min(request.batchSize(), size));
        long model = TrainingMemory.of(request.spec(), batch, optimizerCopies(request.optimizer())).total();
        // the job's own records: histories (up to 3,000 points with per-layer figures), pictures, confusion matrix
        long records = 2L * 1024 * 1024;
        // the subset, the training part and each epoch's order are index lists of the samples
        long data = 3L * size * Integer.BYTES;
        if (request.data().isDrawings()) {
            // the drawings are read from the database and copied once into the data set
            data += 2L * size * request.spec().input().size() * Float.BYTES;
        }
        return model + records + data;
    }

    /** Values per parameter the optimizer keeps: SGD none (one with momentum), RMSprop one, Adam two. */
    static int optimizerCopies(OptimizerConfig optimizer) {
        return switch (optimizer.kind()) {
            case SGD -> optimizer.momentum() > 0 ? 1 : 0;
            case RMSPROP -> 1;
            case ADAM -> 2;
        };
    }

    /**
     * How many training samples {@code choice} stands for when {@code owner} trains on it.
     *
     * @throws TrainingRefusedException when the data set is unknown here, or the owner has fewer than
     *                                  {@link DataChoice#MIN_DRAWINGS} drawings to train on
     */
    private int trainingSize(String owner, DataChoice choice) {
        if (!choice.isDrawings()) {
            int size;
            try {
                size = data.trainingSize(choice);
            } catch (IllegalArgumentException e) {
                throw new TrainingRefusedException("train.error.noData", e.getMessage(), choice.dataset());
            }
            if (choice.size() > size) {
                throw new TrainingRefusedException("train.error.dataSize", "the data set " + choice.dataset() + " has "
                        + size + " training samples; " + choice.size() + " were asked for", choice.size(), size);
            }
            return size;
        }
        if (ownImages == null) {
            throw new TrainingRefusedException("train.error.noData", "this server keeps no drawings", choice.dataset());
        }
        int count = ownImages.count(owner);
        if (count < DataChoice.MIN_DRAWINGS) {
            throw new TrainingRefusedException("train.error.tooFewDrawings", "you have " + count
                    + " drawings; at least " + DataChoice.MIN_DRAWINGS + " are needed", count, DataChoice.MIN_DRAWINGS);
        }
        return choice.size() == 0 ? count : Math.min(count, choice.size());
    }

    /**
     * The owner's runs that the last restart stopped and that nobody has told them about yet; each comes
     * back once (the Train page shows them on the owner's next visit).
     */
    public List<RunJournal.InterruptedRun> interruptedRuns(String owner) {
        requireOwner(owner);
        return journal.takeInterrupted(owner);
    }

    /** How many of their own drawings {@code owner} could train on (0 when this server keeps none). */
    public int drawingCount(String owner) {
        requireOwner(owner);
        return ownImages == null ? 0 : ownImages.count(owner);
    }

    /**
     * The samples of a job: from the data source, or for {@link DataChoice#DRAWINGS} the owner's drawings
     * (as they are when the job begins) to train on, with MNIST test images to test on, as many as an
     * MNIST subset of the same size would have.
     */
    private TrainingData.Sets load(String owner, DataChoice choice) throws IOException {
        if (!choice.isDrawings()) {
            return data.load(choice);
        }
        LabeledImages mine = ownImages.load(owner);
        if (choice.size() > 0 && choice.size() < mine.size()) {
            mine = mine.first(choice.size());
        }
        if (mine.size() < DataChoice.MIN_DRAWINGS) {
            throw new IllegalStateException("only " + mine.size() + " of your drawings are left; at least "
                    + DataChoice.MIN_DRAWINGS + " are needed to train on them");
        }
        Dataset test = data.load(DataChoice.mnist(mine.size())).test();
        return new TrainingData.Sets(mine.toDataset(), test);
    }

    /**
     * Stops giving the job slices. Only a running job can pause. A paused job keeps everything it has
     * trained, but gives its place among the running jobs to the first waiting job (if any), so that a
     * forgotten paused job blocks nobody.
     */
    public JobSnapshot pause(String owner, JobId id) {
        TrainingJob job = find(owner, id);
        synchronized (lock) {
            if (job.state == JobState.RUNNING && !job.cancelRequested) {
                job.state = JobState.PAUSED;
                job.pausedAt = System.nanoTime();
                ready.remove(job);
                release(job);
            }
        }
        return publish(job);
    }

    /**
     * Lets a paused job go on: at once when a place among the running jobs is free, otherwise it waits
     * for one first in the queue (it had a place before).
     */
    public JobSnapshot resume(String owner, JobId id) {
        TrainingJob job = find(owner, id);
        synchronized (lock) {
            if (job.state == JobState.PAUSED && !job.cancelRequested) {
                job.stepsRequested = 0;
                // it holds its memory still, so a free place is all it needs
                if (canAdmit(job)) {
                    admitted.add(job);
                    job.state = JobState.RUNNING;
                    schedule(job);
                } else {
                    job.state = JobState.QUEUED;
                    waiting.addFirst(job);
                    publishLater(waiting);
                }
            }
        }
        return publish(job);
    }

    /** Single-step mode: a paused job trains one more mini-batch (on a worker, soon), then stays paused. */
    public JobSnapshot step(String owner, JobId id) {
        TrainingJob job = find(owner, id);
        synchronized (lock) {
            if (job.state == JobState.PAUSED && !job.cancelRequested) {
                job.stepsRequested++;
                schedule(job);
            }
        }
        return publish(job);
    }

    /**
     * Ends the job as cancelled. A job that has not trained yet ends at once; one that has trained
     * (running, paused, or waiting again after a pause) ends after its current mini-batch, when a worker
     * has scored its model on the test images.
     */
    public JobSnapshot stop(String owner, JobId id) {
        TrainingJob job = find(owner, id);
        boolean ended = false;
        synchronized (lock) {
            if (job.state.isFinal() || job.cancelRequested) {
                return snapshotOf(job);
            }
            job.cancelRequested = true;
            boolean wasWaiting = waiting.remove(job);
            if (wasWaiting) {
                publishLater(waiting);
            }
            if (wasWaiting && !job.isPrepared()) {
                end(job, JobState.CANCELLED, null);
                ended = true;
            } else if (!job.onWorker && !ready.contains(job)) {
                ready.addFirst(job);
                lock.notifyAll();
            }
        }
        if (ended) {
            journal.ended(job.id, job.state);
        }
        return publish(job);
    }

    public JobSnapshot snapshot(String owner, JobId id) {
        return snapshotOf(find(owner, id));
    }

    /** The owner's jobs, newest first (what a reloaded page uses to find its job again). */
    public List<JobSnapshot> jobsOf(String owner) {
        return jobs.values().stream()
                .filter(j -> j.owner.equals(owner))
                .sorted(Comparator.comparing((TrainingJob j) -> j.created).reversed())
                .map(this::snapshotOf)
                .toList();
    }

    public Optional<JobSnapshot> latestJobOf(String owner) {
        return jobsOf(owner).stream().findFirst();
    }

    public TrainingRequest request(String owner, JobId id) {
        return find(owner, id).request;
    }

    /**
     * Feeds the job's snapshots to {@code consumer}: the current one at once, then at most
     * {@code updatesPerSecond} a second (the newest of those in between), and always the final one. The
     * consumer runs on a service thread and must be quick (a view hands over to its UI). Closing the
     * subscription, or the consumer throwing, removes it.
     */
    public Subscription subscribe(String owner, JobId id, Consumer<JobSnapshot> consumer) {
        TrainingJob job = find(owner, id);
        Set<Feed> set = feeds.computeIfAbsent(id, k -> new CopyOnWriteArraySet<>());
        Feed[] self = new Feed[1];
        self[0] = new Feed(consumer, properties.minMillisBetweenUpdates() * 1_000_000L, timer, () -> set.remove(self[0]));
        set.add(self[0]);
        self[0].offer(snapshotOf(job));
        return self[0];
    }

    /** Open subscriptions over all jobs. */
    public int subscriberCount() {
        return feeds.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * The job's model in the engine's file format: after the run, the best checkpoint by validation accuracy.
     *
     * @throws TrainingRefusedException while the job is still going or when it never built a model
     */
    public byte[] modelFile(String owner, JobId id) {
        TrainingJob job = find(owner, id);
        if (!job.state.isFinal()) {
            throw new TrainingRefusedException("train.error.notFinished", "the job is still " + job.state);
        }
        byte[] bytes = job.modelFile();
        if (bytes == null) {
            throw new TrainingRefusedException("train.error.noModel", "the job ended before it built a model");
        }
        return bytes;
    }

    /**
     * A copy of the job's network after its last epoch, for runs on points and texts (whose charts ask the
     * network itself); empty before the first epoch and for other data.
     */
    public Optional<Sequential> latestModel(String owner, JobId id) {
        return Optional.ofNullable(find(owner, id).latestModel());
    }

    /** The test images of one confusion-matrix cell (up to a dozen), as per-image pixel arrays. */
    public float[][] confusionExamples(String owner, JobId id, int actual, int predicted) {
        TrainingJob job = find(owner, id);
        JobSnapshot.Confusion c = job.snapshot(0).confusion();
        if (c == null || actual < 0 || predicted < 0 || actual >= c.classes() || predicted >= c.classes()) {
            return new float[0][];
        }
        return job.testImages(c.examples()[actual * c.classes() + predicted]);
    }

    /**
     * Worker entry: waits up to {@code waitMillis} for a job whose turn it is, runs one slice of it on the
     * calling thread, and puts it back in line. Returns false when no job came.
     */
    public boolean runNextSlice(long waitMillis) throws InterruptedException {
        TrainingJob job;
        int threads;
        synchronized (lock) {
            long deadline = System.currentTimeMillis() + waitMillis;
            while (ready.isEmpty()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            job = ready.pollFirst();
            job.onWorker = true;
            onWorkers++;
            int busy = Math.min(properties.workerCount(), ready.size() + onWorkers);
            threads = Math.max(1, Parallelism.defaultThreads() / Math.max(1, busy));
        }
        SliceOutcome outcome = Parallelism.withThreads(threads, () -> runSlice(job));
        if (outcome.state() != null) {
            job.releaseTrainingState(outcome.keepModel());
        }
        synchronized (lock) {
            job.onWorker = false;
            onWorkers--;
            if (outcome.state() != null) {
                end(job, outcome.state(), outcome.message());
            } else if (job.state == JobState.RUNNING || (job.state == JobState.PAUSED && job.stepsRequested > 0)) {
                ready.addLast(job);
                lock.notifyAll();
            }
        }
        if (outcome.state() != null) {
            journal.ended(job.id, outcome.state());
        }
        publish(job);
        return true;
    }

    /** How a slice ended: {@code state} null to go on; {@code keepModel} false when the model may be unsound. */
    private record SliceOutcome(JobState state, Message message, boolean keepModel) {
        static final SliceOutcome CONTINUE = new SliceOutcome(null, null, false);

        SliceOutcome(JobState state, Message message) {
            this(state, message, true);
        }
    }

    private enum Turn { TRAIN, STEP, STOP, CANCEL }

    private SliceOutcome runSlice(TrainingJob job) {
        try {
            if (!job.isPrepared() && !job.cancelRequested) {
                job.prepare(load(job.owner, job.request.data()));
            }
            long start = System.nanoTime();
            long budget = properties.sliceMillis() * 1_000_000L;
            for (int batches = 0; ; ) {
                Turn turn = nextTurn(job);
                if (turn == Turn.CANCEL) {
                    job.finishModel();
                    return new SliceOutcome(JobState.CANCELLED, null);
                }
                if (turn == Turn.STOP) {
                    job.afterSlice(job.state == JobState.PAUSED);
                    return SliceOutcome.CONTINUE;
                }
                job.trainOneBatch(turn == Turn.STEP);
                batches++;
                Message diverged = job.divergence();
                if (diverged != null) {
                    job.finishModel();
                    return new SliceOutcome(JobState.FAILED, diverged);
                }
                if (job.trainingDone()) {
                    job.finishModel();
                    return new SliceOutcome(JobState.FINISHED, null);
                }
                if (turn == Turn.STEP || batches >= properties.sliceBatches() || System.nanoTime() - start >= budget) {
                    job.afterSlice(turn == Turn.STEP);
                    return SliceOutcome.CONTINUE;
                }
            }
        } catch (Exception | OutOfMemoryError e) {
            log.warn("training job {} failed", job.id, e);
            return new SliceOutcome(JobState.FAILED, Message.explain(e), false);
        }
    }

    private Turn nextTurn(TrainingJob job) {
        synchronized (lock) {
            if (job.cancelRequested) {
                return Turn.CANCEL;
            }
            if (job.state == JobState.RUNNING) {
                return Turn.TRAIN;
            }
            if (job.state == JobState.PAUSED && job.stepsRequested > 0) {
                job.stepsRequested--;
                return Turn.STEP;
            }
            return Turn.STOP;
        }
    }

    /** Under the lock: whether the job may have a place now (a free place, and memory unless it holds its own already). */
    private boolean canAdmit(TrainingJob job) {
        return admitted.size() < properties.maxActive()
                && (job.reservedBytes > 0 || reservedBytes + job.memoryBytes <= properties.totalLimitBytes());
    }

    /** Under the lock: the job gets a place and, the first time, reserves the memory it will need. */
    private void admit(TrainingJob job) {
        if (job.reservedBytes == 0) {
            job.reservedBytes = job.memoryBytes;
            reservedBytes += job.memoryBytes;
        }
        admitted.add(job);
        job.state = JobState.RUNNING;
        ready.addLast(job);
        lock.notifyAll();
    }

    private void schedule(TrainingJob job) {
        if (!job.onWorker && !ready.contains(job)) {
            ready.addLast(job);
            lock.notifyAll();
        }
    }

    /** Under the lock: the job is over; its place (if it had one) goes to the first waiting job. */
    private void end(TrainingJob job, JobState state, Message message) {
        job.state = state;
        job.message = message;
        job.finishedAt = System.nanoTime();
        ready.remove(job);
        waiting.remove(job);
        reservedBytes -= job.reservedBytes;
        job.reservedBytes = 0;
        release(job);
        log.info("training job {} of {} ended: {} {}", job.id, job.owner, state, job.message);
    }

    /**
     * Under the lock: the job gives up its place among the running jobs (and, when it ended, its memory),
     * and waiting jobs get places in queue order while the first of them fits.
     */
    private void release(TrainingJob job) {
        admitted.remove(job);
        List<TrainingJob> moved = new ArrayList<>();
        while (!waiting.isEmpty() && canAdmit(waiting.getFirst())) {
            TrainingJob next = waiting.removeFirst();
            admit(next);
            moved.add(next);
        }
        if (!moved.isEmpty()) {
            moved.addAll(waiting);
            publishLater(moved);
        }
    }

    /** Under the lock: tells the subscribers of these jobs (whose queue positions changed) soon, outside the lock. */
    private void publishLater(List<TrainingJob> changed) {
        if (!changed.isEmpty()) {
            List<TrainingJob> copy = List.copyOf(changed);
            timer.execute(() -> copy.forEach(this::publish));
        }
    }

    /** Under the lock: keeps only the newest finished jobs of the owner. */
    private void forgetOldJobs(String owner) {
        List<TrainingJob> done = jobs.values().stream()
                .filter(j -> j.owner.equals(owner) && j.state.isFinal())
                .sorted(Comparator.comparing((TrainingJob j) -> j.created).reversed())
                .toList();
        for (TrainingJob old : done.subList(Math.min(done.size(), properties.keepFinishedPerUser()), done.size())) {
            forget(old);
        }
    }

    /** The job itself, for tests in this package. */
    TrainingJob job(String owner, JobId id) {
        return find(owner, id);
    }

    private TrainingJob find(String owner, JobId id) {
        requireOwner(owner);
        TrainingJob job = id == null ? null : jobs.get(id);
        if (job == null || !job.owner.equals(owner)) {
            throw new JobNotFoundException(id);
        }
        return job;
    }

    private static void requireOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("every training call needs the owner (a session or participant id)");
        }
    }

    private JobSnapshot snapshotOf(TrainingJob job) {
        int position;
        synchronized (lock) {
            int i = waiting.indexOf(job);
            position = i < 0 ? 0 : i + 1;
        }
        return job.snapshot(position);
    }

    private JobSnapshot publish(TrainingJob job) {
        JobSnapshot s = snapshotOf(job);
        Set<Feed> set = feeds.get(job.id);
        if (set != null) {
            set.forEach(f -> f.offer(s));
        }
        return s;
    }

    /** The memory reserved by the runs that hold it (running, paused, or waiting again after a pause), in bytes. */
    public long reservedBytes() {
        synchronized (lock) {
            return reservedBytes;
        }
    }

    /** Jobs that hold a place among the running jobs, and jobs waiting for one (paused jobs hold none). */
    public int[] load() {
        synchronized (lock) {
            return new int[] {admitted.size(), waiting.size()};
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
