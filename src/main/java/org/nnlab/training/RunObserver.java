package org.nnlab.training;

/**
 * Told of every training run as it starts, by any page: a feature that must follow runs (a workshop room
 * watching its participants) or hold them to its own limits implements this as a bean. Both methods run on
 * the thread that starts the run.
 */
public interface RunObserver {
    /**
     * Called before the server's own checks; throwing (a {@link TrainingRefusedException} or another
     * {@link org.nnlab.base.i18n.LocalizedException}) refuses the run.
     */
    default void beforeStart(String owner, TrainingRequest request) {
    }

    /** Called once the run has been admitted or queued. */
    default void started(String owner, JobSnapshot job) {
    }
}
