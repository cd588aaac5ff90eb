package org.nnlab.builder.ui;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.nnlab.base.i18n.Translations;

/**
 * Texts of the builder that may not exist for every kind or setting: a kind or setting added to the
 * engine later shows its own name, made readable ("returnSequences" → "Return sequences"), until it gets
 * a translation in {@code i18n/build*.properties}.
 */
final class BuildTexts {
    private BuildTexts() {
    }

    static String kind(String kind) {
        return optional("build.kind." + kind, humanize(kind));
    }

    static String setting(String name) {
        return optional("build.prop." + name, humanize(name));
    }

    static String optional(String key, String fallback) {
        UI ui = UI.getCurrent();
        Locale locale = Translations.supported(ui == null ? Locale.ENGLISH : ui.getLocale());
        try {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.build", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(key) ? bundle.getString(key) : fallback;
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** "returnSequences" or "leaky_relu" → "Return sequences" / "Leaky relu". */
    static String humanize(String name) {
        String spaced = name.replace('_', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
