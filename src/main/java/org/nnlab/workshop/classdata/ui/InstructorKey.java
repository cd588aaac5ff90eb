package org.nnlab.workshop.classdata.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;
import org.nnlab.workshop.ui.InstructorKeyStorage;

/**
 * The room and key the workshop page keeps in this browser for its instructor, read for the instructor's
 * other pages. Reading grants nothing: every action sends the key, and the server checks it.
 */
public final class InstructorKey {
    private InstructorKey() {
    }

    /** Hands the stored room and key to {@code then}; nothing happens when this browser holds none. */
    public static void read(UI ui, SerializableBiConsumer<String, String> then) {
        InstructorKeyStorage.read(ui, stored -> {
            String[] parts = stored == null ? new String[0] : stored.strip().split(" ");
            if (parts.length == 2) {
                then.accept(parts[0], parts[1]);
            }
        });
    }
}
