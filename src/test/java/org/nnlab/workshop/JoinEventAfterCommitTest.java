package org.nnlab.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A page that hears of a join reads the room again at once, on another thread: the newcomer must be there to
 * read. Through the real (transactional) room service and database.
 */
@SpringBootTest(properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
@ActiveProfiles("test")
class JoinEventAfterCommitTest {
    @Autowired
    RoomService rooms;
    @Autowired
    RoomEvents events;

    @Test
    void aJoinIsAnnouncedOnlyOnceOthersCanReadIt() throws Exception {
        CreatedRoom created = rooms.create(RoomServiceTest.settings("Evening class"));
        String roomId = created.room().id();
        BlockingQueue<List<String>> seen = new LinkedBlockingQueue<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (RoomEvents.Subscription ignored = events.subscribe(roomId, e -> {
            if (e instanceof ParticipantChanged changed && changed.change() == ParticipantChanged.Change.JOINED) {
                try {
                    // as a page does: another thread (another connection) reads the room when it hears of the join
                    seen.add(reader.submit(() -> rooms.participants(roomId).stream().map(Participant::nickname).toList())
                            .get(10, TimeUnit.SECONDS));
                } catch (Exception failed) {
                    seen.add(List.of("read failed: " + failed));
                }
            }
        })) {
            rooms.join(created.room().code(), "Ada", UUID.randomUUID().toString(), "10.1.2.3");
            List<String> first = seen.poll(10, TimeUnit.SECONDS);
            assertNotNull(first, "the join was announced");
            assertEquals(List.of("Ada"), first, "the newcomer is in the room when the join is announced");
        } finally {
            reader.shutdownNow();
        }
    }
}
