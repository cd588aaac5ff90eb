package org.nnlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.persistence.TestPostgres;
import org.nnlab.workshop.CreatedRoom;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.ParticipantChanged;
import org.nnlab.workshop.RoomChanged;
import org.nnlab.workshop.RoomEvent;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomLimits;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.RoomSettings;
import org.nnlab.workshop.RoomState;
import org.nnlab.workshop.WorkshopProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes as the workshop sees them: two room services, each with its own Hazelcast member and
 * {@link ClusterRoomEvents}, on one PostgreSQL schema. What happens on one node reaches the pages of the other
 * through the cluster; what must hold (codes, keys, participants) holds because it is in the database.
 */
class ClusterRoomsTest {
    private static final String SCHEMA = "cluster_rooms_test";
    private static List<HazelcastInstance> members;
    private static ClusterRoomEvents[] events;
    private static RoomService[] nodes;

    @BeforeAll
    static void start() {
        DriverManagerDataSource data = TestPostgres.freshSchema(SCHEMA);
        members = TestMembers.cluster(2);
        events = new ClusterRoomEvents[] {new ClusterRoomEvents(members.get(0)), new ClusterRoomEvents(members.get(1))};
        nodes = new RoomService[2];
        for (int i = 0; i < 2; i++) {
            nodes[i] = new RoomService(JdbcClient.create(data), events[i], new WorkshopProperties(),
                    new ClusterConfiguration().joinBucketStore(members.get(i)));
        }
    }

    @AfterAll
    static void stop() {
        if (members != null) {
            for (ClusterRoomEvents bus : events) {
                bus.close();
            }
            members.forEach(HazelcastInstance::shutdown);
        }
    }

    private static CreatedRoom openRoom() {
        return nodes[0].create(new RoomSettings("Lecture hall", "en", List.of("draw", "train"), new RoomLimits(5, 100_000)));
    }

    @Test
    void aRoomOpenedOnNodeOneIsJoinedThroughNodeTwoAndTheInstructorHearsOfIt() throws Exception {
        CreatedRoom room = openRoom();
        BlockingQueue<RoomEvent> instructor = new LinkedBlockingQueue<>();
        try (RoomEvents.Subscription grid = events[0].subscribe(room.room().id(), instructor::add)) {
            long joining = System.nanoTime();
            Participant ada = nodes[1].join(room.room().code(), "Ada", UUID.randomUUID().toString(), "10.0.0.1");
            RoomEvent heard = instructor.poll(10, TimeUnit.SECONDS);
            long delay = System.nanoTime() - joining;
            assertEquals(new ParticipantChanged(room.room().id(), ada.id(), ParticipantChanged.Change.JOINED), heard);
            System.out.printf("join on node 2 -> instructor's listener on node 1: %.1f ms (join itself included)%n", delay / 1e6);
            assertEquals(List.of(ada), nodes[0].participants(room.room().id()));
        }
    }

    @Test
    void theInstructorKeyHoldsOnEveryNodeAndNothingElseDoes() throws Exception {
        CreatedRoom room = openRoom();
        BlockingQueue<RoomEvent> onNodeOne = new LinkedBlockingQueue<>();
        try (RoomEvents.Subscription page = events[0].subscribe(room.room().id(), onNodeOne::add)) {
            String roomId = room.room().id();
            assertThrows(LocalizedException.class, () -> nodes[1].lock(roomId, "not-the-key"));
            assertThrows(LocalizedException.class, () -> nodes[1].requireInstructor(roomId, ""));
            assertEquals(RoomState.LOCKED, nodes[1].lock(roomId, room.instructorKey()).state());
            assertEquals(new RoomChanged(roomId, RoomChanged.What.STATE), onNodeOne.poll(10, TimeUnit.SECONDS));
            assertEquals(RoomState.LOCKED, nodes[0].room(roomId).orElseThrow().state());
            assertThrows(LocalizedException.class,
                    () -> nodes[0].join(room.room().code(), "Late", UUID.randomUUID().toString(), "10.0.0.2"));
        }
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() throws Exception {
        CreatedRoom room = openRoom();
        BlockingQueue<RoomEvent> heard = new LinkedBlockingQueue<>();
        RoomEvents.Subscription page = events[1].subscribe(room.room().id(), heard::add);
        page.close();
        page.close();
        BlockingQueue<RoomEvent> other = new LinkedBlockingQueue<>();
        try (RoomEvents.Subscription still = events[1].subscribe(room.room().id(), other::add)) {
            nodes[0].announce(room.room().id(), room.instructorKey(), "Break until 11");
            assertTrue(other.poll(10, TimeUnit.SECONDS) instanceof RoomChanged);
            assertEquals(0, heard.size());
        }
    }

    @Test
    void guessingCodesOnBothNodesMeetsOneLimit() {
        CreatedRoom room = openRoom();
        String address = "192.0.2.44";
        int perMinute = new WorkshopProperties().joinAttemptsPerMinute();
        String wrong = room.room().code().equals("222222") ? "333333" : "222222";
        for (int i = 0; i < perMinute; i++) {
            RoomService node = nodes[i % 2];
            LocalizedException refused = assertThrows(LocalizedException.class,
                    () -> node.join(wrong, "Guesser", UUID.randomUUID().toString(), address));
            assertEquals("workshop.join.unknownCode", refused.messageKey(), "attempt " + (i + 1) + " of " + perMinute);
        }
        for (RoomService node : nodes) {
            LocalizedException slowed = assertThrows(LocalizedException.class,
                    () -> node.join(room.room().code(), "Guesser", UUID.randomUUID().toString(), address));
            assertEquals("workshop.join.slowDown", slowed.messageKey(), "half the attempts were made on each node");
        }
        assertEquals(room.room().id(), nodes[1].join(room.room().code(), "Ada", UUID.randomUUID().toString(), "192.0.2.45").roomId(),
                "another address has its own allowance");
    }
}
