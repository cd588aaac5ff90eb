package org.nnlab.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.text.Explained;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last stop for an error no view explained: it is logged once with its stack trace, and the user
 * sees one sentence in their language, not a stack trace. Failures with a known cause get their own
 * sentence: a refusal that carries its own text key ({@link LocalizedException}), the server short of memory, a network description the engine refused, a full work queue,
 * any other engine error that explains itself (a damaged model or data file, for one);
 * anything else is "something went wrong". A tab closed meanwhile gets nothing.
 */
@Component
class UiErrorHandler implements ErrorHandler, VaadinServiceInitListener {
    private static final String OPEN_ERRORS = "nnlab.openErrors";
    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        if (cause(error, UIDetachedException.class) != null) {
            log.debug("A page closed while it was being updated", error);
            return;
        }
        LocalizedException refusal = cause(error, LocalizedException.class);
        if (refusal != null) {
            log.info("Refused: {}", refusal.getMessage());
        } else {
            log.error(cause(error, OutOfMemoryError.class) != null ? "Out of memory in the UI" : "Unexpected error in the UI", error);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> show(ui, message(error, ui)));
        }
    }

    /**
     * Shows {@code text} as an error notification. The same refusal repeated (a wrong join code typed again and
     * again) replaces its earlier notification rather than stacking a copy above it; different sentences each
     * keep their own.
     */
    private static void show(UI ui, String text) {
        @SuppressWarnings("unchecked")
        Map<String, Notification> open = (Map<String, Notification>) ComponentUtil.getData(ui, OPEN_ERRORS);
        if (open == null) {
            open = new HashMap<>();
            ComponentUtil.setData(ui, OPEN_ERRORS, open);
        }
        Notification earlier = open.remove(text);
        if (earlier != null) {
            earlier.close();
        }
        Notification n = Notification.show(text, 8000, Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        Map<String, Notification> shown = open;
        shown.put(text, n);
        n.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                shown.remove(text, n);
            }
        });
    }

    /** The sentence for {@code error}, in the language of {@code ui}. */
    static String message(Throwable error, UI ui) {
        if (cause(error, OutOfMemoryError.class) != null) {
            return ui.getTranslation("error.outOfMemory");
        }
        LocalizedException refusal = cause(error, LocalizedException.class);
        if (refusal != null) {
            return EngineMessages.localize(refusal, ui.getLocale());
        }
        SpecException spec = cause(error, SpecException.class);
        if (spec != null) {
            return ui.getTranslation("error.spec", SpecErrors.describe(spec, ui));
        }
        if (cause(error, RejectedExecutionException.class) != null) {
            return ui.getTranslation("error.busy");
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Explained) {
                return EngineMessages.localize(t, ui.getLocale());
            }
        }
        return ui.getTranslation("error.unexpected");
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
