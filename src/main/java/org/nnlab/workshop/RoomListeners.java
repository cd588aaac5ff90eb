package org.nnlab.workshop;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages on this server that listen to rooms. One delivery thread hands each event to the room's listeners
 * in turn, so whoever delivers never waits for a page and every listener sees a room's events in order. A
 * listener that throws is logged and the others still get the event. Both {@link RoomEvents} implementations
 * (in this server, and through the cluster) deliver through one of these.
 */
public final class RoomListeners implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RoomListeners.class);
    private final Map<String, List<Consumer<RoomEvent>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "room-events");
        t.setDaemon(true);
        return t;
    });

    /** Queues {@code event} for the listeners of its room on this server. */
    public void deliver(RoomEvent event) {
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

    /** Adds a listener to one room until the returned subscription is closed. */
    public RoomEvents.Subscription subscribe(String roomId, Consumer<RoomEvent> listener) {
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
        delivery.shutdownNow();
    }
}
