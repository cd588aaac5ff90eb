package org.nnlab.training;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which server trains a run. A server alone trains every run itself ({@link #HERE}). The members of a cluster
 * put each new run on the member with the most free training capacity, and reach a run that another member
 * trains through {@link Elsewhere}. The {@link TrainingService} asks only about runs it does not hold, so a
 * server alone pays nothing for this.
 */
public interface RunPlacement {
    /** The server that is to train a new run, or null for this one. */
    Elsewhere forNewRun();

    /** The server that trains run {@code id} when that is another one and it is known; otherwise null. */
    Elsewhere holding(JobId id);

    /** Snapshots of the owner's runs that other servers train (as their owner sees them there). */
    List<JobSnapshot> elsewhere(String owner);

    /** This server has taken the owner's run {@code id} (the cluster notes where it trains). */
    void started(String owner, JobId id);

    /** A run on this server has ended, so it has more room now. */
    void ended(JobId id);

    /** This server has let go of the ended run {@code id}. */
    void forgotten(JobId id);

    /** Another server that trains runs, as the training service of this one talks to it. */
    interface Elsewhere {
        /** Runs {@code call} on that server's training service and returns what it returns (or throws). */
        <T> T call(Call<T> call);

        /** As {@link TrainingService#subscribe}, for a run trained there: the snapshots come here as they change. */
        Subscription subscribe(String owner, JobId id, Consumer<JobSnapshot> consumer);
    }

    /** Work for the training service of another server; it travels there, and what it returns travels back. */
    interface Call<T> extends Function<TrainingService, T>, Serializable {
    }

    /** A server alone: it trains every run. */
    RunPlacement HERE = new RunPlacement() {
        @Override
        public Elsewhere forNewRun() {
            return null;
        }

        @Override
        public Elsewhere holding(JobId id) {
            return null;
        }

        @Override
        public List<JobSnapshot> elsewhere(String owner) {
            return List.of();
        }

        @Override
        public void started(String owner, JobId id) {
        }

        @Override
        public void ended(JobId id) {
        }

        @Override
        public void forgotten(JobId id) {
        }
    };
}
