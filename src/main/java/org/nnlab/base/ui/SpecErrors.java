package org.nnlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.SpecLimitException;

/** Says why a network description was refused, in the page's language. */
public final class SpecErrors {
    private SpecErrors() {
    }

    /** A limit as a sentence of the page's bundle; any other refusal as the engine explains it, in the page's language. */
    public static String describe(SpecException e, Component page) {
        if (e instanceof SpecLimitException over) {
            String key = over.limit() == SpecLimitException.Limit.LAYERS ? "spec.limit.layers" : "spec.limit.characters";
            return page.getTranslation(key, over.actual(), over.maximum());
        }
        UI ui = UI.getCurrent();
        return EngineMessages.localize(e.explanation(), ui == null ? Locale.ENGLISH : ui.getLocale());
    }
}
