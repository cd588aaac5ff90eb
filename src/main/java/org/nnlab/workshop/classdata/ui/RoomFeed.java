package org.nnlab.workshop.classdata.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.nnlab.workshop.RoomEvent;
import org.nnlab.workshop.RoomEvents;

/**
 * A page's live link to its room: while the page is attached (and knows its room) it hears the room's events
 * it wants in its UI's turn; detaching, or following another room, ends the subscription. Events the page does
 * not want are dropped before they reach its UI, so a busy room (every run's progress is an event) does not make
 * every open page take its session's lock many times a second.
 */
public final class RoomFeed {
    private final RoomEvents events;
    private final Supplier<String> roomId;
    private final Predicate<RoomEvent> wanted;
    private final Consumer<RoomEvent> onEvent;
    private RoomEvents.Subscription subscription;

    private RoomFeed(RoomEvents events, Supplier<String> roomId, Predicate<RoomEvent> wanted, Consumer<RoomEvent> onEvent) {
        this.events = events;
        this.roomId = roomId;
        this.wanted = wanted;
        this.onEvent = onEvent;
    }

    /** Feeds {@code page} the {@code wanted} events of the room {@code roomId} names whenever it is attached. */
    public static RoomFeed follow(Component page, RoomEvents events, Supplier<String> roomId, Predicate<RoomEvent> wanted,
                                  Consumer<RoomEvent> onEvent) {
        RoomFeed feed = new RoomFeed(events, roomId, wanted, onEvent);
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
            subscription = events.subscribe(room, e -> {
                if (wanted.test(e)) {
                    ui.access(() -> onEvent.accept(e));
                }
            });
        }
    }

    private void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
