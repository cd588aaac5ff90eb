package org.nnlab.workshop;

import java.util.Locale;
import org.nnlab.base.i18n.LocalizedException;

/** The rules for a nickname: trimmed, 1 to 24 characters, no markup characters and no control characters. */
final class Nicknames {
    static final int MAX_LENGTH = 24;
    private static final String MARKUP = "<>&\"'`";

    private Nicknames() {
    }

    /** The nickname as it will be kept, or a refusal that says which rule it breaks. */
    static String check(String typed) {
        String nickname = typed == null ? "" : typed.strip();
        if (nickname.isEmpty()) {
            throw new LocalizedException("workshop.nickname.empty", "a nickname is needed");
        }
        int length = nickname.codePointCount(0, nickname.length());
        if (length > MAX_LENGTH) {
            throw new LocalizedException("workshop.nickname.tooLong", "the nickname has " + length
                    + " characters; at most " + MAX_LENGTH + " are allowed", length, MAX_LENGTH);
        }
        boolean control = nickname.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
        if (control) {
            throw new LocalizedException("workshop.nickname.control", "the nickname contains a control character");
        }
        if (nickname.chars().anyMatch(c -> MARKUP.indexOf(c) >= 0)) {
            throw new LocalizedException("workshop.nickname.markup", "the nickname contains one of " + MARKUP, MARKUP);
        }
        return nickname;
    }

    /** What two nicknames must not share within a room: the nickname in lower case. */
    static String key(String nickname) {
        return nickname.toLowerCase(Locale.ROOT);
    }
}
