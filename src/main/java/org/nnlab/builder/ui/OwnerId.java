package org.nnlab.builder.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.UUID;

/**
 * Who owns saved specs while there are no user accounts: a random id kept in the browser session, so
 * each browser session sees its own saved networks and no one else's.
 */
public final class OwnerId {
    /** The same key the drawing and training views keep their owner id under, so one session is one owner. */
    static final String ATTRIBUTE = "nnlab.owner";

    private OwnerId() {
    }

    public static String current() {
        VaadinSession session = VaadinSession.getCurrent();
        Object id = session.getAttribute(ATTRIBUTE);
        if (id instanceof String s) {
            return s;
        }
        String fresh = UUID.randomUUID().toString();
        session.setAttribute(ATTRIBUTE, fresh);
        return fresh;
    }
}
