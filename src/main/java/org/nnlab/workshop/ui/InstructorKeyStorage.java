package org.nnlab.workshop.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * The instructor's key lives in their browser (localStorage), never in the server's session: a reload finds it
 * there. A co-instructor link carries room and key in the URL fragment ({@code workshop#room=…&key=…}), which
 * browsers do not send to servers; the page stores it and removes it from the address bar at once.
 */
final class InstructorKeyStorage {
    static final String ITEM = "nnlab-workshop-instructor";
    private static final String READ = """
            const item = $0;
            const hash = new URLSearchParams(location.hash.substring(1));
            if (hash.get('room') && hash.get('key')) {
              localStorage.setItem(item, hash.get('room') + ' ' + hash.get('key'));
              history.replaceState(history.state, '', location.pathname + location.search);
            }
            return localStorage.getItem(item) || '';
            """;

    private InstructorKeyStorage() {
    }

    /** Reads the stored room and key (taking them from a co-instructor link first); the callback gets "" if none. */
    static void read(UI ui, SerializableConsumer<String> stored) {
        ui.getPage().executeJs(READ, ITEM).then(String.class, stored);
    }

    static void store(UI ui, String roomId, String key) {
        ui.getPage().executeJs("localStorage.setItem($0, $1)", ITEM, roomId + " " + key);
    }

    static void clear(UI ui) {
        ui.getPage().executeJs("localStorage.removeItem($0)", ITEM);
    }

    /** The fragment of a co-instructor link. */
    static String fragment(String roomId, String key) {
        return "room=" + roomId + "&key=" + key;
    }
}
