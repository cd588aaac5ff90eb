package org.nnlab.training;

/**
 * Where a job is: {@code QUEUED} waits for a place among the jobs that share the workers, {@code RUNNING}
 * gets slices of worker time, {@code PAUSED} keeps its place but gets none (single steps still run);
 * the last three are final.
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
