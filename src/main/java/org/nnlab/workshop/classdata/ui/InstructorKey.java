package org.nnlab.workshop.classdata.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;

/**
 * The room and key the workshop page keeps in this browser for its instructor (localStorage), read for the
 * instructor's other pages. Reading grants nothing: every action sends the key, and the server checks it.
 */
public final class InstructorKey {
    /** The localStorage item of the workshop page: the room id and the key, separated by a space. */
    static final String ITEM = "nnlab-workshop-instructor";

    private InstructorKey() {
    }

    /** Hands the stored room and key to {@code then}; nothing happens when this browser holds none. */
    public static void read(UI ui, SerializableBiConsumer<String, String> then) {
        ui.getPage().executeJs("return localStorage.getItem($0) || ''", ITEM).then(String.class, stored -> {
            String[] parts = stored == null ? new String[0] : stored.strip().split(" ");
            if (parts.length == 2) {
                then.accept(parts[0], parts[1]);
            }
        });
    }
}
