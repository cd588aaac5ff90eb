package org.nnlab.training;

/**
 * No job with this id belongs to the caller: it never existed, was cleared away, or is someone else's
 * (the three look the same on purpose).
 */
public class JobNotFoundException extends TrainingRefusedException {
    public JobNotFoundException(JobId id) {
        super("train.error.notFound", "no such training job: " + id);
    }
}
