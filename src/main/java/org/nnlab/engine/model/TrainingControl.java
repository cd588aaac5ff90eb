package org.nnlab.engine.model;

/**
 * A cooperative cancel and pause switch, set from any thread and checked by the {@link Trainer}
 * between mini-batches.
 */
public final class TrainingControl {
    private boolean cancelled;
    private boolean paused;

    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /**
     * Waits while paused; returns true to go on, false once cancelled. An interrupt counts as a cancel
     * (the thread's interrupt flag is kept).
     */
    public synchronized boolean awaitGo() {
        while (paused && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        return !cancelled;
    }
}
