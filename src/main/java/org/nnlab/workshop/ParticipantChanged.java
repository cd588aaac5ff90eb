package org.nnlab.workshop;

/** A participant joined, left, was renamed or removed, moved to another page, or their run moved on. */
public record ParticipantChanged(String roomId, String participantId, Change change) implements RoomEvent {
    public enum Change {
        JOINED, LEFT, RENAMED, REMOVED, ACTIVITY, RUN
    }
}
