package org.nnlab.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.nnlab.workshop.RoomEvent;
import org.nnlab.workshop.RoomEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Room events for every node of the cluster: an event goes out on one Hazelcast topic shared by all rooms, and
 * each member hands what arrives to the listeners of that room on this node, one event at a time on its own
 * delivery thread (Hazelcast's event threads are never held up by a page). Events from one node arrive in the
 * order they were published there. A node that is down misses what is published meanwhile; pages then read
 * the state from the database, where every change is kept.
 */
@Component
@ConditionalOnProperty(name = "nnlab.workshop.events", havingValue = "hazelcast")
class ClusterRoomEvents implements RoomEvents, AutoCloseable {
    static final String TOPIC = "nnlab-room-events";
    private static final Logger log = LoggerFactory.getLogger(ClusterRoomEvents.class);
    private final ITopic<RoomEvent> topic;
    private final UUID registration;
    private final Map<String, List<Consumer<RoomEvent>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "room-events");
        t.setDaemon(true);
        return t;
    });

    ClusterRoomEvents(HazelcastInstance hazelcast) {
        topic = hazelcast.getTopic(TOPIC);
        registration = topic.addMessageListener(message -> deliver(message.getMessageObject()));
    }

    @Override
    public void publish(RoomEvent event) {
        topic.publish(event);
    }

    private void deliver(RoomEvent event) {
        List<Consumer<RoomEvent>> room = listeners.get(event.roomId());
        if (room == null || room.isEmpty() || delivery.isShutdown()) {
            return;
        }
        delivery.execute(() -> {
            for (Consumer<RoomEvent> listener : room) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    log.warn("A room listener failed on {}", event, e);
                }
            }
        });
    }

    @Override
    public Subscription subscribe(String roomId, Consumer<RoomEvent> listener) {
        listeners.compute(roomId, (id, list) -> {
            List<Consumer<RoomEvent>> room = list == null ? new CopyOnWriteArrayList<>() : list;
            room.add(listener);
            return room;
        });
        return () -> listeners.computeIfPresent(roomId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    @Override
    public void close() {
        try {
            topic.removeMessageListener(registration);
        } catch (RuntimeException e) {
            log.debug("Could not leave the room topic (member already stopped)", e);
        }
        delivery.shutdownNow();
    }
}
