package org.nnlab.workshop;

import java.util.function.Consumer;

/**
 * The room's message bus: a published event reaches every listener subscribed to its room, on a thread
 * that is not the publisher's, in the order it was published. One implementation keeps it inside this
 * server; another may carry events between servers.
 */
public interface RoomEvents {
    void publish(RoomEvent event);

    /** Subscribes {@code listener} to the events of {@code roomId} until the result is closed. */
    Subscription subscribe(String roomId, Consumer<RoomEvent> listener);

    /** Ends a subscription; closing twice does nothing. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
