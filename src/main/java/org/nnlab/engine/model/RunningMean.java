package org.nnlab.engine.model;

/** Sample-weighted running means of loss and accuracy, and throughput since {@link #start()}. */
final class RunningMean {
    private double lossSum;
    private long correct;
    private long samples;
    private long startNanos = System.nanoTime();

    void start() {
        lossSum = 0;
        correct = 0;
        samples = 0;
        startNanos = System.nanoTime();
    }

    void add(double batchLoss, int batchCorrect, int batchSize) {
        lossSum += batchLoss * batchSize;
        correct += batchCorrect;
        samples += batchSize;
    }

    double loss() {
        return samples == 0 ? Double.NaN : lossSum / samples;
    }

    double accuracy() {
        return samples == 0 ? Double.NaN : (double) correct / samples;
    }

    double samplesPerSecond() {
        long nanos = Math.max(1, System.nanoTime() - startNanos);
        return samples * 1e9 / nanos;
    }
}
