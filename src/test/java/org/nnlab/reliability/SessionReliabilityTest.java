package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.builder.SpecLinks;
import org.nnlab.builder.ui.LayerBuilderView;
import org.nnlab.presence.PresenceService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replays the probe's closed tabs: a page whose tab closed without the browser's goodbye (no unload
 * beacon, only silence) stayed in "N people online" and kept its whole page state until the session
 * expired 30 minutes later. Now the presence sweep counts it out and its page state is freed.
 */
class SessionReliabilityTest extends KaribuSpringTest {
    @Autowired
    PresenceService presence;

    @Test
    void aTabThatFellSilentLeavesThePresenceCountAndFreesItsPage() {
        String link = SpecLinks.link("build", BuilderReliabilityTest.deep(100));
        UI.getCurrent().navigate("build", QueryParameters.fromString(link.substring(link.indexOf('?') + 1)));
        RetainedHeap.roundtrip();
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        LayerBuilderView view = assertInstanceOf(LayerBuilderView.class, ui.getCurrentView());
        int online = presence.online();
        assertTrue(online >= 1, "the open page is counted");

        ui.getInternals().setLastHeartbeatTimestamp(System.currentTimeMillis() - 10 * 60_000);
        long deadline = System.nanoTime() + 20_000_000_000L;
        // the sweep counts the page out, then asks for the session's lock (held by this test) to remove it
        while ((presence.online() == online || session.getUIs().contains(ui)) && System.nanoTime() < deadline) {
            session.unlock();
            sleep();
            session.lock();
        }

        assertEquals(online - 1, presence.online(), "a page silent for three heartbeats is counted out");
        assertFalse(session.getUIs().contains(ui), "its UI is taken out of the session, so nothing holds its state");
        assertFalse(view.isAttached(), "its view is detached");
    }

    /**
     * A tab closed without a goodbye leaves the count within a minute: three heartbeats of silence plus one
     * sweep, with the values the application ships (tests themselves allow mock pages longer silences).
     */
    @Test
    void aSilentTabIsCountedOutWithinAMinute() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        long heartbeatSeconds = Long.parseLong(shipped.getProperty("vaadin.heartbeatInterval"));
        long sweepSeconds = Long.parseLong(shipped.getProperty("nnlab.presence.sweep-seconds"));
        assertTrue(heartbeatSeconds > 0, "pages send heartbeats");
        assertTrue(3 * heartbeatSeconds + sweepSeconds <= 60,
                "silent for 3 heartbeats of " + heartbeatSeconds + " s, found by a sweep every " + sweepSeconds + " s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
