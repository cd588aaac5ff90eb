package org.nnlab.training;

/**
 * Where a job is: {@code QUEUED} waits for a place among the jobs that share the workers (a new job, or
 * a paused one that was resumed while every place was taken), {@code RUNNING} has a place and gets slices
 * of worker time, {@code PAUSED} keeps what it has trained but gives up its place and gets no slices
 * (single steps still run); the last three are final.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    PAUSED,
    FINISHED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }
}
