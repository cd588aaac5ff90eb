package org.nnlab.workshop;

/** Where a room is in its life: open to joins, locked (those inside stay, nobody new), or ended (results only). */
public enum RoomState {
    OPEN, LOCKED, ENDED
}
