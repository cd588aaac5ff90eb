package org.nnlab.workshop.challenge;

import org.nnlab.workshop.RoomEvent;

/**
 * The room's challenge changed: started, stopped, a run entered it (or was turned away), or the instructor
 * revealed a network.
 *
 * @param participantId whose run it was, or "" when it is not about one participant
 */
public record ChallengeChanged(String roomId, What what, String participantId) implements RoomEvent {
    public enum What {
        STARTED, STOPPED, ENTRY, REVEALED
    }
}
