package org.nnlab.training.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.UUID;

/**
 * Who owns jobs and saved models for the current browser session: a random id kept in the session (not
 * the session id itself), the same on every page and after reloads. Workshop participants will get their
 * own ids later.
 */
public final class SessionOwner {
    static final String ATTRIBUTE = "nnlab.owner";

    private SessionOwner() {
    }

    public static String current() {
        VaadinSession session = VaadinSession.getCurrent();
        Object id = session.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = UUID.randomUUID().toString();
            session.setAttribute(ATTRIBUTE, id);
        }
        return (String) id;
    }
}
