package org.nnlab.training;

/**
 * How often a run reports its progress (loss, accuracy, layer health): about {@value #REPORTS} times over
 * the whole run, and at least every batch of a short one. Each report costs a few hundred bytes and a
 * pass over the weights; a chart of the run has no room for more points anyway, and a report every batch
 * made reporting the larger part of what thirty runs on a server allocated.
 */
final class ReportCadence {
    static final int REPORTS = 500;

    private ReportCadence() {
    }

    /** Batches between reports for a run of {@code epochs} epochs of {@code batchesPerEpoch} batches. */
    static int every(int batchesPerEpoch, int epochs) {
        long total = (long) Math.max(1, batchesPerEpoch) * Math.max(1, epochs);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round((double) total / REPORTS)));
    }
}
