package org.nnlab.workshop;

import java.time.Instant;

/**
 * A person in a room: known by their browser's owner id (the {@code nnlab-owner} cookie), so a reload or a
 * return the next day finds them again, and shown by their nickname.
 */
public record Participant(String id, String roomId, String owner, String nickname, Instant joinedAt) {
}
