package org.nnlab.workshop;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code read off a
 * projector is typed right. 31 letters and digits give about 887 million codes.
 */
final class JoinCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 6;
    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, in its stored form (upper case, without spaces or dashes), or empty if it cannot be one. */
    static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return "";
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "";
            }
        }
        return code;
    }
}
