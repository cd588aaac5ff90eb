package org.nnlab.base.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds ASCII punctuation inside Chinese sentences: a comma, semicolon, colon, exclamation or question mark, or a
 * parenthesis written right next to a Chinese character, or a sentence that ends with an ASCII full stop. Shapes
 * such as {@code [1, 28, 28]}, numbers, code and placeholders are left alone.
 */
final class ChinesePunctuation {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern ASCII_NEXT_TO_HAN = Pattern.compile("\\p{IsHan}[,;:!?()]|[,;:!?()]\\p{IsHan}");

    private ChinesePunctuation() {
    }

    /** "key: text" for every text of {@code chinese} that uses ASCII punctuation in a Chinese sentence. */
    static List<String> misuses(Properties chinese) {
        List<String> found = new ArrayList<>();
        for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
            String text = chinese.getProperty(key).replaceAll("\\[[^\\]]*]", "[]");
            boolean wrong = ASCII_NEXT_TO_HAN.matcher(text).find() || HAN.matcher(text).find()
                    && (text.endsWith(".") || text.contains(". ") || text.contains("; ") || text.contains(": "));
            if (wrong) {
                found.add(key + ": " + chinese.getProperty(key));
            }
        }
        return found;
    }
}
