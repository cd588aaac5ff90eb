package org.nnlab.engine.text;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * Something the engine tells a person: a key of the {@code i18n/engine} bundle and the values for its
 * placeholders. The engine knows only the English texts (the base bundle); an application that speaks
 * other languages looks the same key up in its own translations of that bundle. An argument that is
 * itself a {@code Message} (a cause, a part of a sentence) is put into words the same way, so a nested
 * explanation is never left in English.
 */
public record Message(String key, List<Object> arguments) implements Serializable {
    /** The bundle every engine key lives in (English as its base file). */
    public static final String BUNDLE = "i18n.engine";
    /** The key of a text passed on as it is, without translation: {@code {0}}. */
    public static final String VERBATIM = "engine.verbatim";

    public Message {
        Objects.requireNonNull(key, "key");
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments)); // null reads as "null"
    }

    public static Message of(String key, Object... arguments) {
        return new Message(key, Arrays.asList(arguments));
    }

    /**
     * What {@code error} says: its explanation when it is an engine exception that has one, otherwise its
     * own text as it stands (a message from outside the engine, which has no key).
     */
    public static Message explain(Throwable error) {
        if (error instanceof Explained explained) {
            return explained.explanation();
        }
        return of(VERBATIM, error.getMessage() == null ? error.toString() : error.getMessage());
    }

    /** The English text, as the engine's exceptions report it in {@code getMessage()}. */
    public String english() {
        return format(English.PATTERNS.getString(key), Locale.ROOT, Message::english);
    }

    /**
     * Fills {@code pattern} (a {@link MessageFormat} pattern for this key in some language, always read as
     * one, so a quote is written twice even in a text without placeholders) with the
     * arguments: nested messages through {@code nested}, everything else as Java writes it, so that
     * numbers read exactly as the engine computed them.
     */
    public String format(String pattern, Locale locale, Function<Message, String> nested) {
        Object[] values = arguments.stream()
                .map(a -> a instanceof Message m ? nested.apply(m) : String.valueOf(a))
                .toArray();
        return new MessageFormat(pattern, locale).format(values);
    }

    @Override
    public String toString() {
        try {
            return english();
        } catch (MissingResourceException e) {
            return "!" + key + arguments;
        }
    }

    private static final class English {
        static final ResourceBundle PATTERNS = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
