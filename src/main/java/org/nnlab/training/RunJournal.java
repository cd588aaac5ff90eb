package org.nnlab.training;

import java.time.Instant;
import java.util.List;

/**
 * Where the service notes when runs start and end, so that a restart, which loses every run in memory, can
 * tell their owners afterwards. {@link #NONE} keeps nothing (services without a database: tests, benchmarks).
 */
public interface RunJournal {
    /**
     * A run the last restart stopped: its network's name, its data, and when the server came back; or, with
     * {@code serverLeft}, a run whose server left the cluster, and when that was seen.
     */
    record InterruptedRun(String network, DataChoice data, Instant restartedAt, boolean serverLeft) {
        public InterruptedRun(String network, DataChoice data, Instant restartedAt) {
            this(network, data, restartedAt, false);
        }
    }

    void started(JobId id, String owner, TrainingRequest request);

    void ended(JobId id, JobState outcome);

    /** The owner's runs that a restart stopped and that they have not been told about; each is returned once. */
    List<InterruptedRun> takeInterrupted(String owner);

    RunJournal NONE = new RunJournal() {
        @Override
        public void started(JobId id, String owner, TrainingRequest request) {
        }

        @Override
        public void ended(JobId id, JobState outcome) {
        }

        @Override
        public List<InterruptedRun> takeInterrupted(String owner) {
            return List.of();
        }
    };
}
