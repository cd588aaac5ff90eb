package org.nnlab.workshop.challenge;

import java.time.Instant;

/**
 * A challenge the instructor set the room: what counts (the objective) and what a run may use to count
 * (its network's parameters, its epochs, and the time until the challenge closes). Runs finished while it is
 * open enter by themselves; those over a limit are turned away with the reason.
 *
 * @param stoppedAt     when the instructor closed it early, or null
 * @param revealedEntry the entry whose network the instructor shows the room, or null
 */
public record Challenge(String id, String roomId, Objective objective, long maxParameters, int maxEpochs, int minutes,
                        Instant startedAt, Instant endsAt, Instant stoppedAt, Long revealedEntry) {
    /** What the runs are scored on. */
    public enum Objective {
        /** Accuracy on the MNIST test images. */
        MNIST_TEST,
        /** Accuracy on the class drawings held out from training. */
        CLASS_HELD_OUT
    }

    /** When runs stop entering: the time limit, or earlier when the instructor stopped it. */
    public Instant closesAt() {
        return stoppedAt != null && stoppedAt.isBefore(endsAt) ? stoppedAt : endsAt;
    }

    public boolean isOpen(Instant now) {
        return now.isBefore(closesAt());
    }
}
