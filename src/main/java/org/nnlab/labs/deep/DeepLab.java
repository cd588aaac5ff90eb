package org.nnlab.labs.deep;

import java.util.function.Consumer;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.Subscription;
import org.nnlab.training.TrainingService;
import org.springframework.stereotype.Service;

/**
 * Starts and stops the deep lab's runs as ordinary training jobs of the {@link TrainingService}, so they take their
 * fair turn with everyone's training; the lab page watches the job's snapshots.
 */
@Service
public class DeepLab {
    private static final long STOP_WAIT_MILLIS = 5_000;
    private final TrainingService training;

    public DeepLab(TrainingService training) {
        this.training = training;
    }

    /**
     * Stops {@code previous} (when not null) and waits briefly until it has ended, so that the owner's one running job
     * is free, then starts a run of {@code settings}; refusals come as the service's localized exceptions.
     */
    public JobSnapshot start(String owner, JobId previous, DeepSettings settings) {
        if (previous != null) {
            stopAndWait(owner, previous);
        }
        return training.start(owner, settings.request());
    }

    public Subscription watch(String owner, JobId id, Consumer<JobSnapshot> snapshots) {
        return training.subscribe(owner, id, snapshots);
    }

    public void stop(String owner, JobId id) {
        training.stop(owner, id);
    }

    private void stopAndWait(String owner, JobId id) {
        long end = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        JobSnapshot s = training.stop(owner, id);
        while (!s.isFinal() && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            s = training.snapshot(owner, id);
        }
    }
}
