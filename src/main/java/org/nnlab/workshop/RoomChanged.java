package org.nnlab.workshop;

/**
 * The room itself changed: locked, opened, ended, a new announcement, a route to follow or a pushed setup.
 * Listeners read the room again for what is now true.
 */
public record RoomChanged(String roomId, What what) implements RoomEvent {
    public enum What {
        STATE, ANNOUNCEMENT, FOLLOW, SETUP
    }
}
