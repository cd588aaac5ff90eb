package org.nnlab.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs this server trains, from their start until they are forgotten: a run gets its place or waits
 * ({@link Admission}), takes its turns on the {@link SliceScheduler}, tells its subscribers how it is
 * ({@link Feeds}, coalesced) and, once ended, gives its place and memory to the waiting runs. The
 * {@link TrainingService} in front checks owners, tells observers and sends calls about runs held by
 * another cluster member there; this class never hears of those.
 * <p>
 * Threads: control calls come from request threads, slices end on the scheduler's workers, and the
 * {@code timer} runs the coalesced updates, the spaced first turns and the minute's expiry. A job's own
 * state changes only through its {@link TrainingJob} methods, which are safe from any of them.
 */
final class LocalRuns {
    private static final Logger log = LoggerFactory.getLogger(LocalRuns.class);

    private final TrainingProperties properties;
    /** Where a job's first slice loads its samples (one object, not one per slice). */
    private final TrainingJob.Loader loader;
    private final RunJournal journal;
    private final SliceScheduler scheduler;
    private final Admission admission;
    private final Feeds feeds;
    private final KeptJobs jobs = new KeptJobs();
    private final RunEnds runEnds = new RunEnds();
    private final TrainingJob.Turns turns;
    private final Supplier<RunPlacement> placement;
    private final ScheduledExecutorService timer;
    /** Spaces the first turns of runs that start together (off until {@link #spaceStarts} says otherwise). */
    private volatile RunStarts starts;

    LocalRuns(TrainingProperties properties, JobData data, RunJournal journal, SliceScheduler scheduler,
              Admission admission, Supplier<RunPlacement> placement, ScheduledExecutorService timer) {
        this.properties = properties;
        this.loader = data::load;
        this.journal = journal;
        this.scheduler = scheduler;
        this.admission = admission;
        this.placement = placement;
        this.timer = timer;
        this.feeds = new Feeds(timer, properties.minMillisBetweenUpdates() * 1_000_000L);
        this.turns = (job, first) -> scheduler.submit(job.owner, () -> runSlice(job), first);
        spaceStarts(Duration.ZERO);
    }

    /** Runs that get their place within {@code spacing} of each other take their first turns that far apart. */
    void spaceStarts(Duration spacing) {
        starts = new RunStarts(spacing, timer);
    }

    /** Admits or queues a new run of {@code request} needing {@code memory} bytes; returns how it is now. */
    JobSnapshot start(String owner, TrainingRequest request, long memory) {
        TrainingJob job = new TrainingJob(JobId.random(), owner, request, memory);
        boolean placed = admission.enter(job);
        jobs.add(job);
        if (placed) {
            job.placed();
            starts.offerFirstTurn(job, turns);
        }
        forgetOldJobs(owner);
        journal.started(job.id, owner, request);
        log.info("training job {} started by {}: {} on {}, about {} to train", job.id, owner, request.networkName(),
                request.data(), MemorySize.format(memory));
        placement.get().started(owner, job.id);
        return snapshotOf(job);
    }

    void pause(TrainingJob job) {
        if (job.pause(System.nanoTime(), scheduler)) {
            leave(job, false);
        }
    }

    void resume(TrainingJob job) {
        if (job.resume(admission)) {
            List<TrainingJob> waiting = admission.waitingJobs();
            feeds.later(() -> waiting.forEach(this::update));
        }
        job.offerTurn(turns);
    }

    void step(TrainingJob job) {
        job.step();
        job.offerTurn(turns);
    }

    void stop(TrainingJob job) {
        if (job.stop()) {
            ended(job);
        } else {
            admission.stopping(job);
            job.offerTurn(turns);
        }
    }

    boolean holds(JobId id) {
        return jobs.holds(id);
    }

    /** @throws JobNotFoundException when this server holds no job {@code id} of {@code owner} */
    TrainingJob find(String owner, JobId id) {
        return jobs.find(owner, id);
    }

    Stream<JobSnapshot> snapshotsOf(String owner) {
        return jobs.of(owner).map(this::snapshotOf);
    }

    Subscription subscribe(TrainingJob job, Consumer<JobSnapshot> consumer) {
        return feeds.subscribe(job.id, snapshotOf(job), consumer);
    }

    Subscription onRunEnded(Consumer<TrainingService.EndedRun> listener) {
        return runEnds.add(listener);
    }

    int placesTaken() {
        return admission.placesTaken();
    }

    int waiting() {
        return admission.waitingJobs().size();
    }

    int subscriberCount() {
        return feeds.count();
    }

    JobSnapshot snapshotOf(TrainingJob job) {
        return job.snapshot(admission.position(job));
    }

    /** Tells the job's subscribers (if any) how it is now, and returns that. */
    JobSnapshot publish(TrainingJob job) {
        JobSnapshot s = snapshotOf(job);
        feeds.publish(job.id, () -> s);
        return s;
    }

    /**
     * Ended jobs are kept {@code keepFinishedMinutes}, so a person can come back to save one, then forgotten.
     * Jobs paused longer than {@code maxPausedMinutes} are stopped (as the Stop button does: scored, model
     * kept), so that a forgotten pause gives back the memory it holds. {@code now} is a {@link System#nanoTime}.
     */
    void forgetExpiredJobs(long now) {
        long limit = now - properties.keepFinishedMinutes() * 60_000_000_000L;
        long pauseLimit = now - properties.maxPausedMinutes() * 60_000_000_000L;
        for (TrainingJob job : jobs.all()) {
            if (job.endedBefore(limit)) {
                forget(job);
            } else if (job.pausedBefore(pauseLimit)) {
                log.info("training job {} of {} was paused over {} minutes: stopping it", job.id, job.owner,
                        properties.maxPausedMinutes());
                stop(job);
                publish(job);
            }
        }
    }

    /** One turn of a job on a worker: returns whether it wants another. */
    private boolean runSlice(TrainingJob job) {
        TrainingJob.Slice done = job.runSlice(properties.sliceBatches(), properties.sliceMillis() * 1_000_000L, loader);
        if (done == TrainingJob.Slice.ENDED) {
            ended(job);
        } else {
            update(job);
        }
        return done == TrainingJob.Slice.MORE;
    }

    /** The job has ended: the journal hears of it, its place and memory go to the waiting jobs. */
    private void ended(TrainingJob job) {
        journal.ended(job.id, job.state());
        leave(job, true);
        placement.get().ended(job.id);
        update(job);
        runEnds.tell(new TrainingService.EndedRun(job.owner, snapshotOf(job), job.request));
    }

    /** The job gives up its place (and when ended, its memory); jobs that get a place start. */
    private void leave(TrainingJob job, boolean ended) {
        Admission.Moves moves = admission.leave(job, ended);
        for (TrainingJob next : moves.admitted()) {
            next.placed();
            starts.offerFirstTurn(next, turns);
        }
        List<TrainingJob> changed = new ArrayList<>(moves.admitted());
        changed.addAll(moves.stillWaiting());
        if (!changed.isEmpty()) {
            feeds.later(() -> changed.forEach(this::update));
        }
    }

    /** Keeps only the newest ended jobs of the owner. */
    private void forgetOldJobs(String owner) {
        jobs.endedBeyond(owner, properties.keepFinishedPerUser()).forEach(this::forget);
    }

    private void forget(TrainingJob job) {
        jobs.remove(job);
        feeds.forget(job.id);
        placement.get().forgotten(job.id);
    }

    /** Tells the job's subscribers how it is now; makes no snapshot when nobody listens. */
    private void update(TrainingJob job) {
        if (feeds.watched(job.id)) {
            feeds.publish(job.id, () -> snapshotOf(job));
        }
    }
}
