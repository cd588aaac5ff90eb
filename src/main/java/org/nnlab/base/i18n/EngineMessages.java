package org.nnlab.base.i18n;

import java.util.Locale;
import org.nnlab.engine.text.Explained;
import org.nnlab.engine.text.Message;

/**
 * What the engine says, in the reader's language. The engine's exceptions and events carry a keyed
 * {@link Message}; its English text and this app's Chinese one live in the {@code i18n/engine} bundles,
 * looked up by key like every other text, so a reworded English sentence keeps its translation.
 */
public final class EngineMessages {
    private static final Translations TEXTS = new Translations();

    private EngineMessages() {
    }

    /** {@code message} in {@code locale}; nested messages among its arguments are translated too. */
    public static String localize(Message message, Locale locale) {
        if (message == null) {
            return null;
        }
        return message.format(TEXTS.getTranslation(message.key(), locale), Translations.supported(locale),
                nested -> localize(nested, locale));
    }

    /**
     * Why {@code error} happened, in {@code locale}: the text of a {@link LocalizedException}, the
     * explanation of an engine exception, otherwise the exception's own message (it has no key).
     */
    public static String localize(Throwable error, Locale locale) {
        return switch (error) {
            case null -> null;
            case LocalizedException refusal -> TEXTS.getTranslation(refusal.messageKey(), locale, refusal.arguments());
            case Explained engine -> localize(engine.explanation(), locale);
            default -> localize(Message.explain(error), locale);
        };
    }
}
