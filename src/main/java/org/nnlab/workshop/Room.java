package org.nnlab.workshop;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A workshop room as stored: its join code, the instructor's settings, its state, and what the instructor
 * last told the room (an announcement, a route to follow). The instructor's key is never part of it.
 *
 * @param followRoute the route participants' screens follow, or null when the instructor is not leading
 * @param endedAt     when the room was ended, or null while it is not
 */
public record Room(String id, String code, String title, String language, List<String> pages, RoomLimits limits,
                   RoomState state, String announcement, String followRoute, Instant createdAt, Instant endedAt) {
    public Room {
        pages = List.copyOf(pages);
    }

    /** Whether people can still be in the room (it is open or locked). */
    public boolean isActive() {
        return state != RoomState.ENDED;
    }

    public Optional<String> announcementText() {
        return Optional.ofNullable(announcement).filter(a -> !a.isBlank());
    }
}
