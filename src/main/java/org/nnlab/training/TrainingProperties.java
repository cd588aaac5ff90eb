package org.nnlab.training;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code nnlab.training.*}.
 *
 * @param workers              worker threads of the {@link SliceScheduler}, shared by training runs and other live
 *                             work (0: one per core)
 * @param sliceMillis          a slice ends after this much time ...
 * @param sliceBatches         ... or after this many mini-batches, whichever comes first
 * @param runningPerUser       jobs one person may have going at once (queued, running or paused)
 * @param maxActive            jobs that share the workers at once; more wait in the queue
 * @param maxQueued            jobs allowed to wait; beyond that new jobs are refused
 * @param maxParameters        largest network (learnable values) a job may train
 * @param maxSamples           largest run: training samples × epochs
 * @param updatesPerSecond     most updates a subscriber receives per second (the final one always comes)
 * @param keepFinishedPerUser  finished jobs kept per person (to look at, save or download), oldest go first
 * @param keepFinishedMinutes  how long an ended job is kept at most
 * @param maxBatchSize         largest mini-batch a run may use
 * @param maxEpochs            most epochs a run may have
 * @param maxLearningRate      largest learning rate a run may use
 * @param maxRunBytes          most memory one run may need to train ({@link org.nnlab.engine.spec.TrainingMemory}
 *                             plus its own copies of data); unset: a quarter of the heap
 * @param maxTotalBytes        most memory all runs that hold it (running or paused) may need together; a run
 *                             that does not fit now waits in the queue; unset: half of the heap
 * @param maxPausedMinutes     a run paused this long is stopped (its model kept), so that a forgotten pause does
 *                             not hold its memory share for good
 */
@ConfigurationProperties("nnlab.training")
public record TrainingProperties(
        @DefaultValue("0") int workers,
        @DefaultValue("100") long sliceMillis,
        @DefaultValue("8") int sliceBatches,
        @DefaultValue("1") int runningPerUser,
        @DefaultValue("32") int maxActive,
        @DefaultValue("100") int maxQueued,
        @DefaultValue("5000000") long maxParameters,
        @DefaultValue("1200000") long maxSamples,
        @DefaultValue("5") double updatesPerSecond,
        @DefaultValue("3") int keepFinishedPerUser,
        @DefaultValue("120") long keepFinishedMinutes,
        @DefaultValue("1024") int maxBatchSize,
        @DefaultValue("100") int maxEpochs,
        @DefaultValue("10") double maxLearningRate,
        DataSize maxRunBytes,
        DataSize maxTotalBytes,
        @DefaultValue("30") long maxPausedMinutes) {

    @ConstructorBinding
    public TrainingProperties {
        if (workers < 0 || sliceMillis < 1 || sliceBatches < 1 || runningPerUser < 1 || maxActive < 1
                || maxQueued < 0 || maxParameters < 1 || maxSamples < 1 || !(updatesPerSecond > 0)
                || keepFinishedPerUser < 1 || keepFinishedMinutes < 0 || maxBatchSize < 1 || maxEpochs < 1
                || !(maxLearningRate > 0) || Double.isInfinite(maxLearningRate)
                || (maxRunBytes != null && maxRunBytes.toBytes() < 1) || (maxTotalBytes != null && maxTotalBytes.toBytes() < 1)
                || maxPausedMinutes < 1) {
            throw new IllegalArgumentException("nnlab.training settings out of range: " + this);
        }
    }

    /** The settings before the batch, epoch and memory limits, which take their defaults (tests and benchmarks). */
    public TrainingProperties(int workers, long sliceMillis, int sliceBatches, int runningPerUser, int maxActive,
                              int maxQueued, long maxParameters, long maxSamples, double updatesPerSecond,
                              int keepFinishedPerUser, long keepFinishedMinutes) {
        this(workers, sliceMillis, sliceBatches, runningPerUser, maxActive, maxQueued, maxParameters, maxSamples,
                updatesPerSecond, keepFinishedPerUser, keepFinishedMinutes, 1024, 100, 10, null, null, 30);
    }

    /** Bytes one run may need: {@link #maxRunBytes}, or a quarter of the heap; never more than {@link #totalLimitBytes}. */
    public long runLimitBytes() {
        return Math.min(totalLimitBytes(), maxRunBytes != null ? maxRunBytes.toBytes() : Runtime.getRuntime().maxMemory() / 4);
    }

    /** Bytes all runs that hold memory may need together: {@link #maxTotalBytes}, or half of the heap. */
    public long totalLimitBytes() {
        return maxTotalBytes != null ? maxTotalBytes.toBytes() : Runtime.getRuntime().maxMemory() / 2;
    }

    public TrainingProperties withMaxLearningRate(double max) {
        return new TrainingProperties(workers, sliceMillis, sliceBatches, runningPerUser, maxActive, maxQueued,
                maxParameters, maxSamples, updatesPerSecond, keepFinishedPerUser, keepFinishedMinutes, maxBatchSize,
                maxEpochs, max, maxRunBytes, maxTotalBytes, maxPausedMinutes);
    }

    public TrainingProperties withMaxPausedMinutes(long minutes) {
        return new TrainingProperties(workers, sliceMillis, sliceBatches, runningPerUser, maxActive, maxQueued,
                maxParameters, maxSamples, updatesPerSecond, keepFinishedPerUser, keepFinishedMinutes, maxBatchSize,
                maxEpochs, maxLearningRate, maxRunBytes, maxTotalBytes, minutes);
    }

    public TrainingProperties withMemoryLimits(long runBytes, long totalBytes) {
        return new TrainingProperties(workers, sliceMillis, sliceBatches, runningPerUser, maxActive, maxQueued,
                maxParameters, maxSamples, updatesPerSecond, keepFinishedPerUser, keepFinishedMinutes, maxBatchSize,
                maxEpochs, maxLearningRate, DataSize.ofBytes(runBytes), DataSize.ofBytes(totalBytes), maxPausedMinutes);
    }

    /** The number of worker threads: {@link #workers} or one per core. */
    public int workerCount() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    public long minMillisBetweenUpdates() {
        return Math.round(1000 / updatesPerSecond);
    }

    /** The defaults, for code that runs without Spring (benchmarks). */
    public static TrainingProperties defaults() {
        return new TrainingProperties(0, 100, 8, 1, 32, 100, 5_000_000, 1_200_000, 5, 3, 120);
    }

    public TrainingProperties withWorkers(int count) {
        return new TrainingProperties(count, sliceMillis, sliceBatches, runningPerUser, maxActive, maxQueued,
                maxParameters, maxSamples, updatesPerSecond, keepFinishedPerUser, keepFinishedMinutes, maxBatchSize,
                maxEpochs, maxLearningRate, maxRunBytes, maxTotalBytes, maxPausedMinutes);
    }

    public TrainingProperties withLimits(int perUser, int active, int queued) {
        return new TrainingProperties(workers, sliceMillis, sliceBatches, perUser, active, queued,
                maxParameters, maxSamples, updatesPerSecond, keepFinishedPerUser, keepFinishedMinutes, maxBatchSize,
                maxEpochs, maxLearningRate, maxRunBytes, maxTotalBytes, maxPausedMinutes);
    }
}
