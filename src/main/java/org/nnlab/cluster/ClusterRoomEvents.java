package org.nnlab.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.UUID;
import java.util.function.Consumer;
import org.nnlab.workshop.RoomEvent;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomListeners;
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
    private final RoomListeners listeners = new RoomListeners();

    ClusterRoomEvents(HazelcastInstance hazelcast) {
        topic = hazelcast.getTopic(TOPIC);
        registration = topic.addMessageListener(message -> listeners.deliver(message.getMessageObject()));
    }

    @Override
    public void publish(RoomEvent event) {
        topic.publish(event);
    }

    @Override
    public Subscription subscribe(String roomId, Consumer<RoomEvent> listener) {
        return listeners.subscribe(roomId, listener);
    }

    @Override
    public void close() {
        try {
            topic.removeMessageListener(registration);
        } catch (RuntimeException e) {
            log.debug("Could not leave the room topic (member already stopped)", e);
        }
        listeners.close();
    }
}
