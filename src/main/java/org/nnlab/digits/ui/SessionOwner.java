package org.nnlab.digits.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.UUID;

/**
 * The owner id of the current browser session: a random id made on first use and kept in the session,
 * under which the user's drawings (and later their own models) are stored.
 */
final class SessionOwner {
    static final String ATTRIBUTE = "nnlab.owner";

    private SessionOwner() {
    }

    static String current() {
        VaadinSession session = VaadinSession.getCurrent();
        Object id = session.getAttribute(ATTRIBUTE);
        if (id instanceof String s) {
            return s;
        }
        String created = UUID.randomUUID().toString();
        session.setAttribute(ATTRIBUTE, created);
        return created;
    }
}
