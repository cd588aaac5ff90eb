package org.nnlab.base.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.nnlab.base.OwnerCookieFilter;

/**
 * Who the person at this browser is, for every feature (saved models, saved networks, drawings, training
 * jobs): the long-lived id from the {@link OwnerCookieFilter} cookie, taken from the request when the
 * Vaadin session first asks and then kept in the session. Without a request that carries one (which the
 * filter makes impossible in the running app) the session gets a random id of its own.
 */
public final class CurrentOwner {
    /** Where the id is kept in the {@link VaadinSession}. */
    public static final String SESSION_ATTRIBUTE = "nnlab.owner";

    private CurrentOwner() {
    }

    /** The owner id of the current session; call with the session locked (in a view, a listener, {@code ui.access}). */
    public static String id() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            throw new IllegalStateException("the owner is known only while a Vaadin session is current");
        }
        if (session.getAttribute(SESSION_ATTRIBUTE) instanceof String cached) {
            return cached;
        }
        String id = fromRequest(VaadinRequest.getCurrent()).orElseGet(() -> UUID.randomUUID().toString());
        session.setAttribute(SESSION_ATTRIBUTE, id);
        return id;
    }

    /**
     * The owner id if this session already has one or the current request carries the cookie, without making
     * one up: for listeners that run on every page (a session with neither is not anyone's yet).
     */
    public static Optional<String> known() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return Optional.empty();
        }
        if (session.getAttribute(SESSION_ATTRIBUTE) instanceof String cached) {
            return Optional.of(cached);
        }
        Optional<String> id = fromRequest(VaadinRequest.getCurrent());
        id.ifPresent(value -> session.setAttribute(SESSION_ATTRIBUTE, value));
        return id;
    }

    private static Optional<String> fromRequest(VaadinRequest request) {
        return request instanceof HttpServletRequest http ? OwnerCookieFilter.ownerOf(http) : Optional.empty();
    }
}
