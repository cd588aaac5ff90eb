package org.nnlab.training;

/**
 * A {@link TrainingService} on real worker threads, as the application wires it (a {@link SliceScheduler}
 * pool and {@link Admission}), for tests in other packages that need runs to train on their own.
 */
public final class WorkingTraining implements AutoCloseable {
    private final SliceScheduler scheduler;
    private final TrainingService service;

    public WorkingTraining(TrainingProperties properties, TrainingData data) {
        scheduler = new SliceScheduler(properties);
        service = new TrainingService(properties, data, null, RunJournal.NONE, scheduler, new Admission(properties));
    }

    public TrainingService service() {
        return service;
    }

    @Override
    public void close() {
        service.close();
        scheduler.close();
    }
}
