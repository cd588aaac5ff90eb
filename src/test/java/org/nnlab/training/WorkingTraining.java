package org.nnlab.training;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

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

    /** As the application wires it with a {@link RunPlacement} bean: {@code placement} is asked at the first call. */
    public WorkingTraining(TrainingProperties properties, TrainingData data, ObjectProvider<RunPlacement> placement) {
        scheduler = new SliceScheduler(properties);
        service = new TrainingService(properties, data, null, RunJournal.NONE, scheduler,
                new StaticListableBeanFactory().getBeanProvider(RunObserver.class), placement, java.time.Duration.ZERO);
    }

    /** Small synthetic images of three classes, any number of them (see {@link #syntheticRequest}). */
    public static TrainingData syntheticData() {
        return new SyntheticData();
    }

    /** A run of a tiny dense network on {@code size} synthetic images. */
    public static TrainingRequest syntheticRequest(int size, int epochs) {
        return SyntheticData.request(size, epochs, 0.1);
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
