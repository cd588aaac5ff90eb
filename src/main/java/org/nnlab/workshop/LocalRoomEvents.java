package org.nnlab.workshop;

import java.util.function.Consumer;

/** {@link RoomEvents} within this server: a published event goes straight to this server's listeners. */
final class LocalRoomEvents implements RoomEvents, AutoCloseable {
    private final RoomListeners listeners = new RoomListeners();

    @Override
    public void publish(RoomEvent event) {
        listeners.deliver(event);
    }

    @Override
    public Subscription subscribe(String roomId, Consumer<RoomEvent> listener) {
        return listeners.subscribe(roomId, listener);
    }

    @Override
    public void close() {
        listeners.close();
    }
}
