package org.nnlab.training.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;

/**
 * Runs a listener the way Vaadin runs one for a browser request: what it throws goes to the session's
 * error handler (the app's {@code UiErrorHandler}), and the round trip then shows its notification.
 */
final class Requests {
    private Requests() {
    }

    static void handle(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(e));
        }
        MockVaadin.clientRoundtrip(false);
    }
}
