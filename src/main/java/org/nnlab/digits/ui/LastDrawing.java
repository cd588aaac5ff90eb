package org.nnlab.digits.ui;

import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.Optional;
import org.nnlab.engine.data.GrayImage;

/**
 * The last drawing the Draw page read in this browser session, as the pad sent it, so that another
 * page (the convolution lab's "bring the last drawing from Draw") can take it up. Kept in the Vaadin
 * session; clearing the pad does not forget it. Call with the session locked (in a view or listener).
 */
public final class LastDrawing {
    private static final String ATTRIBUTE = "nnlab.draw.last";

    private LastDrawing() {
    }

    /** Remembers {@code drawing} unless it is null (an empty pad); returns it unchanged. */
    static GrayImage keep(GrayImage drawing) {
        VaadinSession session = VaadinSession.getCurrent();
        if (drawing != null && session != null) {
            session.setAttribute(ATTRIBUTE, new Kept(drawing.width(), drawing.height(), drawing.pixels().clone()));
        }
        return drawing;
    }

    /** The Draw page's last drawing in this session, if it read one. */
    public static Optional<GrayImage> recall() {
        VaadinSession session = VaadinSession.getCurrent();
        Object kept = session == null ? null : session.getAttribute(ATTRIBUTE);
        return kept instanceof Kept k ? Optional.of(new GrayImage(k.width(), k.height(), k.pixels().clone()))
                : Optional.empty();
    }

    /** Plain values, so that the session stays serializable. */
    private record Kept(int width, int height, float[] pixels) implements Serializable {
    }
}
