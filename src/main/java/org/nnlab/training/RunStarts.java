package org.nnlab.training;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spaces the first turns of runs that start close together ({@code nnlab.training.start-spacing}, default
 * 200 ms; 0 turns it off): a class pressing Start after the instructor pushed a setup starts 30 runs within
 * a few seconds. A run's first slices build its network and fill its layers' buffers (several MB each, kept
 * for the whole run), so 30 of them at once made the collector copy hundreds of MB in one pause and every
 * request wait (pauses of 150-500 ms in the workshop bench). Spaced, each collection finds a few new runs.
 * A run offered its first turn sooner than {@code spacing} after the previous one waits, without holding a
 * worker, until its time comes; a run alone starts at once.
 */
final class RunStarts {
    private final long spacingNanos;
    private final ScheduledExecutorService timer;
    /** The {@link System#nanoTime} from which the next first turn may be offered. */
    private long nextFree;
    private boolean any;

    RunStarts(Duration spacing, ScheduledExecutorService timer) {
        if (spacing.isNegative()) {
            throw new IllegalArgumentException("nnlab.training.start-spacing must not be negative, got " + spacing);
        }
        this.spacingNanos = spacing.toNanos();
        this.timer = timer;
    }

    /** How long a run whose first turn is asked for at {@code now} waits for it: 0, or until its place in the spacing. */
    synchronized long delayNanos(long now) {
        if (spacingNanos == 0) {
            return 0;
        }
        long at = !any || now - nextFree >= 0 ? now : nextFree;
        any = true;
        nextFree = at + spacingNanos;
        return at - now;
    }

    /** Offers the run that just got its place its first turn: now, or once its place in the spacing comes. */
    void offerFirstTurn(TrainingJob job, TrainingJob.Turns turns) {
        long delay = delayNanos(System.nanoTime());
        if (delay == 0) {
            job.offerTurn(turns);
        } else {
            // a run stopped or paused meanwhile wants no turn then, and offerTurn gives it none
            timer.schedule(() -> job.offerTurn(turns), delay, TimeUnit.NANOSECONDS);
        }
    }
}
