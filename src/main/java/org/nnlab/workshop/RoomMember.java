package org.nnlab.workshop;

/**
 * Someone who joined a room, and whether they are in it now: the leaderboard and the results still name
 * those who left or were removed, by their last nickname.
 */
public record RoomMember(Participant participant, Standing standing) {
    public enum Standing {
        IN, LEFT, REMOVED
    }

    public String nickname() {
        return participant.nickname();
    }
}
