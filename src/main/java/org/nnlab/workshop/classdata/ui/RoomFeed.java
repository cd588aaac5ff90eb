package org.nnlab.workshop.classdata.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.nnlab.workshop.RoomEvent;
import org.nnlab.workshop.RoomEvents;

/**
 * A page's live link to its room: while the page is attached (and knows its room) it hears the room's events
 * in its UI's turn; detaching, or following another room, ends the subscription.
 */
public final class RoomFeed {
    private final RoomEvents events;
    private final Supplier<String> roomId;
    private final Consumer<RoomEvent> onEvent;
    private RoomEvents.Subscription subscription;

    private RoomFeed(RoomEvents events, Supplier<String> roomId, Consumer<RoomEvent> onEvent) {
        this.events = events;
        this.roomId = roomId;
        this.onEvent = onEvent;
    }

    /** Feeds {@code page} the events of the room {@code roomId} names whenever it is attached. */
    public static RoomFeed follow(Component page, RoomEvents events, Supplier<String> roomId, Consumer<RoomEvent> onEvent) {
        RoomFeed feed = new RoomFeed(events, roomId, onEvent);
        page.addAttachListener(e -> feed.subscribe(e.getUI()));
        page.addDetachListener(e -> feed.close());
        return feed;
    }

    /** Subscribes again, e.g. once the page has learnt its room; does nothing while no UI is current. */
    public void restart() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            subscribe(ui);
        }
    }

    private void subscribe(UI ui) {
        close();
        String room = roomId.get();
        if (room != null) {
            subscription = events.subscribe(room, e -> ui.access(() -> onEvent.accept(e)));
        }
    }

    private void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
