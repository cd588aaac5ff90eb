package org.nnlab.workshop;

import org.nnlab.training.JobState;

/**
 * A participant's current (or last) training run as the instructor sees it.
 *
 * @param progress 0..1 of the samples planned
 * @param accuracy the latest accuracy: validation accuracy after an epoch, else the training batches' mean;
 *                 NaN before the first figure
 */
public record RunStatus(String participantId, String network, JobState state, double progress, double accuracy) {
    public boolean isDone() {
        return state == JobState.FINISHED;
    }
}
