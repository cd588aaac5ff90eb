package org.nnlab.workshop;

import java.io.Serializable;

/**
 * Something that happened in a room, told to everyone watching it through {@link RoomEvents}. Events are
 * records of plain values (ids, strings, numbers, enums) so that they can cross between servers; any package
 * may add its own kinds.
 */
public interface RoomEvent extends Serializable {
    /** The room this event belongs to. */
    String roomId();
}
