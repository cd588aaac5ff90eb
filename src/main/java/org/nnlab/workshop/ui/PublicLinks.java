package org.nnlab.workshop.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;

/** Absolute links to this server as the browser reached it (scheme, host, port, context path). */
final class PublicLinks {
    private PublicLinks() {
    }

    /** The server's base address ending in "/", from the current request; a relative "/" without one. */
    static String base() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            String scheme = request.getScheme();
            int port = request.getServerPort();
            boolean usual = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443) || port <= 0;
            return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port) + request.getContextPath() + "/";
        }
        return "/";
    }

    static String join(String code) {
        return base() + "join/" + code;
    }
}
