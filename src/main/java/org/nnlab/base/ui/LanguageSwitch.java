package org.nnlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.nnlab.base.i18n.Translations;

/**
 * One button that names the other language in that language ("中文" on an English page, "English"
 * on a Chinese one). The choice is kept in the session, so later pages and reloads keep it.
 */
class LanguageSwitch extends Button {

    LanguageSwitch() {
        setId("language-switch");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClickListener(e -> switchTo(other(getLocale())));
        setText(other(getLocale()).equals(Translations.CHINESE) ? "中文" : "English");
        getElement().setAttribute("aria-label", "Language / 语言");
        getElement().setAttribute("lang", other(getLocale()).toLanguageTag());
    }

    private static Locale other(Locale current) {
        return Translations.supported(current).equals(Translations.CHINESE) ? Translations.ENGLISH : Translations.CHINESE;
    }

    static void switchTo(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI ui = UI.getCurrent();
        ui.setLocale(locale);
        ui.refreshCurrentRoute(true);
    }
}
