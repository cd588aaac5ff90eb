package org.nnlab.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.nnlab.engine.text.Explained;
import org.nnlab.engine.text.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every user-visible text, in English and simplified Chinese. A key's first segment names its
 * feature's bundle: {@code draw.title} is looked up in {@code i18n/draw*.properties} when that bundle
 * exists, otherwise (and for shared keys such as {@code nav.home}) in {@code i18n/messages*.properties}. Vaadin picks the browser's best match among {@link #LOCALES}; a missing key is
 * logged and shown as {@code !key} so that it is noticed.
 */
@Component
public class Translations implements I18NProvider {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> LOCALES = List.of(ENGLISH, CHINESE);
    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            String pattern = bundleFor(key, locale).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(localized(params, locale));
        } catch (MissingResourceException e) {
            log.warn("No text for key '{}' in {}", key, locale);
            return "!" + key;
        }
    }

    /**
     * The arguments with every engine {@link Message} (and every exception that explains itself) put into
     * {@code locale}'s words, so that a text may take the engine's explanation as one of its values.
     */
    private static Object[] localized(Object[] params, Locale locale) {
        Object[] out = params.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Message m) {
                out[i] = EngineMessages.localize(m, locale);
            } else if (out[i] instanceof Throwable t && (t instanceof Explained || t instanceof LocalizedException)) {
                out[i] = EngineMessages.localize(t, locale);
            }
        }
        return out;
    }

    /** The supported locale closest to {@code locale}: Chinese for any zh, otherwise English. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    private static ResourceBundle bundleFor(String key, Locale locale) {
        int dot = key.indexOf('.');
        if (dot > 0) {
            try {
                ResourceBundle feature = bundle("i18n." + key.substring(0, dot), locale);
                if (feature.containsKey(key)) {
                    return feature;
                }
            } catch (MissingResourceException noSuchBundle) {
                // shared keys live in the messages bundle
            }
        }
        return bundle("i18n.messages", locale);
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle(name, supported(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
