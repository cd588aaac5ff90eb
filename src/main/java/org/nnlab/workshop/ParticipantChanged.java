package org.nnlab.workshop;

/**
 * A participant joined, left, was renamed or removed, moved to another page, their run moved on, or they
 * contributed something to the room (a drawing for the class data set).
 */
public record ParticipantChanged(String roomId, String participantId, Change change) implements RoomEvent {
    public enum Change {
        JOINED, LEFT, RENAMED, REMOVED, ACTIVITY, RUN, CONTRIBUTED
    }
}
