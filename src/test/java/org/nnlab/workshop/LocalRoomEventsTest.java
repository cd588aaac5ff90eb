package org.nnlab.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-server room bus: a room's listeners get its events in order, other rooms' listeners do not. */
class LocalRoomEventsTest {
    @Test
    void eventsReachTheirRoomInOrderUntilUnsubscribed() throws InterruptedException {
        try (LocalRoomEvents events = new LocalRoomEvents()) {
            List<RoomEvent> a = new CopyOnWriteArrayList<>();
            List<RoomEvent> b = new CopyOnWriteArrayList<>();
            RoomEvents.Subscription sa = events.subscribe("A", a::add);
            events.subscribe("B", b::add);
            events.subscribe("A", e -> {
                throw new IllegalStateException("a broken page");
            });
            for (int i = 0; i < 50; i++) {
                events.publish(new ParticipantChanged("A", "p" + i, ParticipantChanged.Change.ACTIVITY));
            }
            CountDownLatch done = new CountDownLatch(1);
            events.subscribe("C", e -> done.countDown());
            events.publish(new RoomChanged("C", RoomChanged.What.STATE));
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(50, a.size());
            for (int i = 0; i < 50; i++) {
                assertEquals("p" + i, ((ParticipantChanged) a.get(i)).participantId());
            }
            assertTrue(b.isEmpty());

            sa.close();
            sa.close();
            CountDownLatch again = new CountDownLatch(1);
            events.subscribe("C", e -> again.countDown());
            events.publish(new ParticipantChanged("A", "late", ParticipantChanged.Change.ACTIVITY));
            events.publish(new RoomChanged("C", RoomChanged.What.STATE));
            assertTrue(again.await(10, TimeUnit.SECONDS));
            assertEquals(50, a.size());
        }
    }
}
