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
 * {@link RoomEvents} within this server: one delivery thread hands each event to the room's listeners in
 * turn, so publishers never wait for pages and every listener sees a room's events in order. A listener
 * that throws is logged and the others still get the event.
 */
final class LocalRoomEvents implements RoomEvents, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalRoomEvents.class);
    private final Map<String, List<Consumer<RoomEvent>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "room-events");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void publish(RoomEvent event) {
        List<Consumer<RoomEvent>> room = listeners.get(event.roomId());
        if (room == null || room.isEmpty()) {
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
        List<Consumer<RoomEvent>> room = listeners.computeIfAbsent(roomId, id -> new CopyOnWriteArrayList<>());
        room.add(listener);
        return () -> {
            room.remove(listener);
            listeners.computeIfPresent(roomId, (id, list) -> list.isEmpty() ? null : list);
        };
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
