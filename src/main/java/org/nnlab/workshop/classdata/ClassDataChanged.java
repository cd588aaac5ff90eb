package org.nnlab.workshop.classdata;

import org.nnlab.workshop.RoomEvent;

/**
 * The room's class dataset changed (a drawing came or went) or one of its experiments moved on.
 *
 * @param participantId whose drawing came or went, or "" when it is not about one participant (the instructor's
 *                      grid hears of drawings through {@link org.nnlab.workshop.ParticipantChanged} too)
 */
public record ClassDataChanged(String roomId, What what, String participantId) implements RoomEvent {
    public enum What {
        DRAWINGS, EXPERIMENT
    }
}
