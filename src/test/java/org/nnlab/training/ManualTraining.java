package org.nnlab.training;

/**
 * A {@link TrainingService} whose slices run only when a test asks: no worker threads, each
 * {@link #runNextSlice()} is one turn of the round-robin line, so every outcome is deterministic. Also
 * shows what admission holds (places, queue, memory).
 */
public final class ManualTraining implements AutoCloseable {
    private final SliceScheduler scheduler;
    private final Admission admission;
    private final TrainingService service;

    public ManualTraining(TrainingProperties properties, TrainingData data) {
        this(properties, data, null, RunJournal.NONE);
    }

    public ManualTraining(TrainingProperties properties, TrainingData data, OwnImages ownImages, RunJournal journal) {
        scheduler = new SliceScheduler(properties.workerCount(), turn -> { });
        admission = new Admission(properties);
        service = new TrainingService(properties, data, ownImages, journal, scheduler, admission);
    }

    public TrainingService service() {
        return service;
    }

    /** Runs one turn: a slice of the job at the head of the line. False when no job was in line. */
    public boolean runNextSlice() {
        return scheduler.runNext();
    }

    /** Runs up to {@code count} turns; returns how many ran. */
    public int runSlices(int count) {
        int ran = 0;
        while (ran < count && scheduler.runNext()) {
            ran++;
        }
        return ran;
    }

    /** Runs turns until no job wants one (every job ended, paused or waiting). */
    public void runUntilIdle() {
        while (scheduler.runNext()) {
            // one slice per turn
        }
    }

    /** The memory reserved by runs that hold it, in bytes. */
    public long reservedBytes() {
        return admission.reservedBytes();
    }

    /** Runs that hold a place now (paused ones hold none). */
    public int placesTaken() {
        return admission.placesTaken();
    }

    public int waiting() {
        return admission.waitingJobs().size();
    }

    /** What the minute timer does, as if it ran {@code minutes} from now. */
    public void forgetExpiredJobsIn(long minutes) {
        service.forgetExpiredJobs(System.nanoTime() + minutes * 60_000_000_000L);
    }

    @Override
    public void close() {
        service.close();
        scheduler.close();
    }
}
