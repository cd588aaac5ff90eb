package org.nnlab.workshop.classdata;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.nnlab.workshop.CreatedRoom;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomLimits;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.RoomSettings;

/** A fresh room of the real room service for a test, with its key, and participants joining it by code. */
public final class Classroom {
    public final RoomService rooms;
    public final CreatedRoom created;

    public Classroom(RoomService rooms) {
        this.rooms = rooms;
        this.created = rooms.create(new RoomSettings("Class " + UUID.randomUUID(), "en",
                List.of("draw", "train"), new RoomLimits(50, 5_000_000)));
    }

    public String id() {
        return created.room().id();
    }

    public String key() {
        return created.instructorKey();
    }

    /** A new browser (owner id) joining with {@code nickname}, each from an address of its own. */
    public Participant join(String nickname) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String address = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
        return rooms.join(created.room().code(), nickname, UUID.randomUUID().toString(), address);
    }
}
