package org.nnlab.workshop;

/**
 * A room just opened, with the instructor's key: the only time the key is handed out. Whoever holds it can
 * run the room; the server keeps only its hash.
 */
public record CreatedRoom(Room room, String instructorKey) {
    @Override
    public String toString() {
        return "CreatedRoom[" + room + ", key hidden]";
    }
}
