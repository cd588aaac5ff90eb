package org.nnlab.training;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.training.RunPlacement.Elsewhere;
import org.nnlab.engine.model.Sequential;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Everybody's training runs, by owner (a browser session, later a workshop participant); a job id that is
 * not the owner's is treated as unknown. A run is admitted or queued by {@link Admission}, changes state
 * only through its own {@link TrainingJob} methods, trains in slices that the {@link SliceScheduler}
 * shares fairly with every other run (round-robin), and reaches its subscribers through {@link Feeds},
 * coalesced. Jobs outlive the pages that started them; ended ones are kept a while
 * ({@code keepFinishedPerUser}, {@code keepFinishedMinutes}) to be looked at and saved. A {@link RunPlacement}
 * may put a run on another cluster member; calls about it (owner check included) then go there. This class is
 * the front: owner checks, observers and the way to another member; {@link LocalRuns} holds the runs trained here.
 */
@Service
public class TrainingService implements AutoCloseable {
    private final TrainingProperties properties;
    private final JobData data;
    private final RunJournal journal;
    private final Admission admission;
    private final LocalRuns runs;
    /** Looked up at each start, so that observers may themselves use this service. */
    private java.util.function.Supplier<List<RunObserver>> observers = List::of;
    /** Looked up once, at first use: a cluster's placement needs this service itself. */
    private java.util.function.Supplier<RunPlacement> placement = () -> RunPlacement.HERE;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "training-updates");
        t.setDaemon(true);
        return t;
    });

    public TrainingService(TrainingProperties properties, TrainingData data, OwnImages ownImages, RunJournal journal,
                           SliceScheduler scheduler) {
        this(properties, data, ownImages, journal, scheduler, new Admission(properties));
    }

    /** As above, telling {@code observers} of every run that starts (see {@link RunObserver}), placed by {@code placement}. */
    @Autowired
    public TrainingService(TrainingProperties properties, TrainingData data, OwnImages ownImages, RunJournal journal,
                           SliceScheduler scheduler, ObjectProvider<RunObserver> observers,
                           ObjectProvider<RunPlacement> placement,
                           @Value("${nnlab.training.start-spacing:200ms}") Duration startSpacing) {
        this(properties, data, ownImages, journal, scheduler, new Admission(properties));
        spaceStarts(startSpacing);
        this.observers = () -> observers.orderedStream().toList();
        this.placement = SingletonSupplier.of(() -> placement.getIfAvailable(() -> RunPlacement.HERE));
    }

    TrainingService(TrainingProperties properties, TrainingData data, OwnImages ownImages, RunJournal journal,
                    SliceScheduler scheduler, Admission admission) {
        this.properties = properties;
        this.data = new JobData(data, ownImages);
        this.journal = journal;
        this.admission = admission;
        this.runs = new LocalRuns(properties, this.data, journal, scheduler, admission, () -> placement.get(), timer);
        timer.scheduleWithFixedDelay(() -> runs.forgetExpiredJobs(System.nanoTime()), 1, 1, TimeUnit.MINUTES);
    }

    /** Runs that get their place within {@code spacing} of each other take their first turns that far apart. */
    void spaceStarts(Duration spacing) {
        runs.spaceStarts(spacing);
    }

    public TrainingProperties properties() {
        return properties;
    }

    /**
     * Starts a job for {@code owner}: it gets a place among the running jobs at once, or waits in the queue
     * (see {@link Admission}). It is refused when a setting is out of range, the network is invalid or too
     * big, the run too long or too large for memory, the owner has too many jobs going, or the queue is full.
     *
     * @throws TrainingRefusedException with a text key saying which
     */
    public JobSnapshot start(String owner, TrainingRequest request) {
        requireOwner(owner);
        List<RunObserver> told = observers.get();
        told.forEach(o -> o.beforeStart(owner, request));
        long memory = admission.check(request, () -> data.trainingSize(owner, request.data()));
        Elsewhere there = placement.get().forNewRun();
        JobSnapshot started = there == null ? startHere(owner, request, memory)
                : there.call(s -> s.startHere(owner, request, memory));
        told.forEach(o -> o.started(owner, started));
        return started;
    }

    /** Admits or queues the run on this server (the checks and the observers are done). */
    private JobSnapshot startHere(String owner, TrainingRequest request, long memory) {
        return runs.start(owner, request, memory);
    }

    /** The memory a run of {@code request} on {@code size} training samples will hold, in bytes (see {@link #start}). */
    public static long memoryNeeded(TrainingRequest request, int size) {
        return Admission.memoryNeeded(request, size);
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
        return data.drawingCount(owner);
    }

    /** Other sets of digit images {@code owner} may train on, e.g. their workshop room's class drawings. */
    public List<DataChoice> offeredData(String owner) {
        requireOwner(owner);
        return data.offeredTo(owner);
    }

    /**
     * Gives the job no further slices (one running now ends after its current mini-batch). Only a running job
     * can pause. It keeps what it has trained and its memory, but gives its place to the first waiting job.
     */
    public JobSnapshot pause(String owner, JobId id) {
        return act(owner, id, s -> s.pause(owner, id), runs::pause);
    }

    /** Lets a paused job go on: at once when a place is free, otherwise first in the queue. */
    public JobSnapshot resume(String owner, JobId id) {
        return act(owner, id, s -> s.resume(owner, id), runs::resume);
    }

    /** Single-step mode: a paused job trains exactly one more mini-batch (on a worker, soon), then stays paused. */
    public JobSnapshot step(String owner, JobId id) {
        return act(owner, id, s -> s.step(owner, id), runs::step);
    }

    /**
     * Ends the job as cancelled. A job that has not trained yet ends at once; one that has ends after its
     * current mini-batch, when a worker has scored its model on the test images (that slice goes first).
     */
    public JobSnapshot stop(String owner, JobId id) {
        return act(owner, id, s -> s.stop(owner, id), runs::stop);
    }

    public JobSnapshot snapshot(String owner, JobId id) {
        return elsewhere(id) instanceof Elsewhere there ? there.call(s -> s.snapshot(owner, id)) : runs.snapshotOf(find(owner, id));
    }

    /** The owner's jobs, newest first (what a reloaded page uses to find its job again). */
    public List<JobSnapshot> jobsOf(String owner) {
        return java.util.stream.Stream.concat(placement.get().elsewhere(owner).stream(), runs.snapshotsOf(owner))
                .sorted(Comparator.comparing(JobSnapshot::created).reversed()).toList();
    }

    public Optional<JobSnapshot> latestJobOf(String owner) {
        return jobsOf(owner).stream().findFirst();
    }

    /** Whether runs of {@code spec} can be pretrained layer by layer: a dense sigmoid stack. */
    public static boolean canPretrain(ModelSpec spec) {
        return LayerwisePretraining.canPretrain(spec);
    }

    /** Where the job's layer-wise pretraining is, or empty when it has none. */
    public Optional<PretrainingProgress> pretraining(String owner, JobId id) {
        return Optional.ofNullable(elsewhere(id) instanceof Elsewhere there
                ? there.call(s -> s.pretraining(owner, id).orElse(null)) : find(owner, id).pretrainingProgress());
    }

    public TrainingRequest request(String owner, JobId id) {
        return elsewhere(id) instanceof Elsewhere there ? there.call(s -> s.request(owner, id)) : find(owner, id).request;
    }

    /**
     * Feeds the job's snapshots to {@code consumer}: the current one at once, then at most
     * {@code updatesPerSecond} a second (the newest of those in between), and always the final one. The
     * consumer runs on a service thread and must be quick (a view hands over to its UI). Closing the
     * subscription, or the consumer throwing, removes it.
     */
    public Subscription subscribe(String owner, JobId id, Consumer<JobSnapshot> consumer) {
        return elsewhere(id) instanceof Elsewhere there ? there.subscribe(owner, id, consumer)
                : runs.subscribe(find(owner, id), consumer);
    }

    /** A run that has just ended: its owner, how it ended and what it was asked to do. */
    public record EndedRun(String owner, JobSnapshot snapshot, TrainingRequest request) {
    }

    /** Tells {@code listener} of every run that ends from now on, on the worker that ended it (be quick). */
    public Subscription onRunEnded(Consumer<EndedRun> listener) {
        return runs.onRunEnded(listener);
    }

    /** Runs training on this server now (paused and waiting runs not counted). */
    public int activeRuns() {
        return runs.placesTaken();
    }

    /** Runs waiting here for a place. */
    public int waitingRuns() {
        return runs.waiting();
    }

    /** Open subscriptions over all jobs. */
    public int subscriberCount() {
        return runs.subscriberCount();
    }

    /**
     * The job's model in the engine's file format: after the run, the best checkpoint by validation accuracy.
     *
     * @throws TrainingRefusedException while the job is still going or when it never built a model
     */
    public byte[] modelFile(String owner, JobId id) {
        return elsewhere(id) instanceof Elsewhere there ? there.call(s -> s.modelFile(owner, id)) : JobResults.modelFile(find(owner, id));
    }

    /**
     * A copy of the job's network after its last epoch, for runs on points and texts (whose charts ask the
     * network itself); empty before the first epoch and for other data.
     */
    public Optional<Sequential> latestModel(String owner, JobId id) {
        if (elsewhere(id) instanceof Elsewhere there) {
            return Optional.ofNullable(there.call(s -> s.latestModel(owner, id).map(ModelFile::toBytes).orElse(null)))
                    .map(LiveModel::fromFile);
        }
        return Optional.ofNullable(find(owner, id).latestModel());
    }

    /** The test images of one confusion-matrix cell (up to a dozen), as per-image pixel arrays. */
    public float[][] confusionExamples(String owner, JobId id, int actual, int predicted) {
        return elsewhere(id) instanceof Elsewhere there ? there.call(s -> s.confusionExamples(owner, id, actual, predicted))
                : JobResults.confusionExamples(find(owner, id), actual, predicted);
    }

    /** What the minute timer does, as if at {@code now} (a {@link System#nanoTime}); see {@link LocalRuns#forgetExpiredJobs}. */
    void forgetExpiredJobs(long now) {
        runs.forgetExpiredJobs(now);
    }

    /** Does {@code here} to the owner's job and tells its subscribers; or has the member that trains it do {@code there}. */
    private JobSnapshot act(String owner, JobId id, RunPlacement.Call<JobSnapshot> there, Consumer<TrainingJob> here) {
        if (elsewhere(id) instanceof Elsewhere member) {
            return member.call(there);
        }
        TrainingJob job = find(owner, id);
        here.accept(job);
        return runs.publish(job);
    }

    /** The server that trains {@code id} when this one does not hold it; null when this one does (or nobody). */
    private Elsewhere elsewhere(JobId id) {
        return id == null || runs.holds(id) ? null : placement.get().holding(id);
    }

    private TrainingJob find(String owner, JobId id) {
        requireOwner(owner);
        return runs.find(owner, id);
    }

    private static void requireOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("every training call needs the owner (a session or participant id)");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
