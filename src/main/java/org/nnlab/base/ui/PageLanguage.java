package org.nnlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import com.vaadin.flow.signals.Signal;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.nnlab.base.i18n.Translations;
import org.springframework.stereotype.Component;

/**
 * Keeps the page's language attribute, {@code <html lang>}, on the language the app speaks: screen readers read
 * by it and Chromium picks its Chinese fonts by it. Vaadin writes only the first provided locale's language
 * ({@code en}) into the page it first sends; this writes the session's locale there instead (a choice made
 * earlier in the session, or the best match to the browser's {@code Accept-Language} for a new one), and in an
 * open page sets the attribute again whenever the page's locale changes (the language switch, joining a room
 * held in another language).
 */
@Component
class PageLanguage implements VaadinServiceInitListener {
    static final String SET_LANG = "document.documentElement.lang = $0";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(PageLanguage::writeInto);
        event.getSource().addUIInitListener(init -> follow(init.getUI()));
    }

    /** The value of {@code lang} for a locale: {@code zh-CN} for any Chinese, otherwise {@code en}. */
    static String tag(Locale locale) {
        return Translations.supported(locale).toLanguageTag();
    }

    /** Writes the session's language into the page Vaadin is about to send. */
    static void writeInto(IndexHtmlResponse response) {
        VaadinSession session = VaadinSession.getCurrent();
        Locale locale = response.getUI().map(UI::getLocale)
                .orElseGet(() -> session == null ? Translations.ENGLISH : session.getLocale());
        Element html = response.getDocument().selectFirst("html");
        if (html != null) {
            html.attr("lang", tag(locale));
        }
    }

    /** Sets the attribute in the browser now and again each time the page's locale changes. */
    static void follow(UI ui) {
        Signal.effect(ui, () -> ui.getPage().executeJs(SET_LANG, tag(ui.localeSignal().get())));
    }
}
