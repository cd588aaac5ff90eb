package org.nnlab.engine.model;

/**
 * Cooperative switches, set from any thread and checked by the {@link Trainer} before every mini-batch:
 * cancel ends training; {@link #endSlice} only ends the slice running now ({@link Trainer#runSlice}), so
 * that a caller that pauses runs between slices is obeyed after the current mini-batch.
 */
public final class TrainingControl {
    private volatile boolean cancelled;
    private volatile boolean endSlice;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Asks the slice running now (if any) to return after its current mini-batch; the next slice runs as usual. */
    public void endSlice() {
        endSlice = true;
    }

    /** Whether {@link #endSlice} was asked since the last call; clears the request. */
    boolean takeEndSlice() {
        boolean asked = endSlice;
        endSlice = false;
        return asked;
    }
}
