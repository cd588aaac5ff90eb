package org.nnlab.base.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.text.Message;

/**
 * Every key the engine can throw has an English and a Chinese text, and the Chinese is found by the key:
 * the English sentence can be reworded freely without a translation going quiet.
 */
class EngineTextsTest {
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(engine\\.[A-Za-z0-9.]+)\"(\\s*\\+)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** Texts that are only placeholders or code, the same in every language. */
    private static final Set<String> LANGUAGE_NEUTRAL = Set.of("engine.verbatim", "engine.spec.fix.list1",
            "engine.spec.codec.invalid");

    private static Properties bundle(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EngineTextsTest.class.getResourceAsStream("/i18n/" + file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Key literals in the production sources; {@code "engine.x." + name} counts as a family of keys. */
    private static List<String[]> keysInSources() throws IOException {
        List<String[]> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/nnlab"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(new String[] {m.group(1), m.group(2) == null ? "exact" : "prefix", file.getFileName().toString()});
                }
            }
        }
        return keys;
    }

    @Test
    void everyEngineKeyHasAnEnglishAndAChineseText() throws IOException {
        Properties english = bundle("engine.properties");
        Properties chinese = bundle("engine_zh_CN.properties");
        List<String[]> keys = keysInSources();
        assertTrue(keys.size() > 100, "found only " + keys.size() + " engine keys in the sources");
        for (String[] k : keys) {
            for (Properties texts : List.of(english, chinese)) {
                boolean found = k[1].equals("exact") ? texts.containsKey(k[0])
                        : texts.stringPropertyNames().stream().anyMatch(name -> name.startsWith(k[0]));
                assertTrue(found, k[0] + " (" + k[2] + ") has no text in " + (texts == english ? "English" : "Chinese"));
            }
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties english = bundle("engine.properties");
        Properties chinese = bundle("engine_zh_CN.properties");
        assertEquals(english.stringPropertyNames(), chinese.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertEquals(placeholders(english.getProperty(key)), placeholders(chinese.getProperty(key)), key);
            new MessageFormat(english.getProperty(key), Locale.ROOT);
            new MessageFormat(chinese.getProperty(key), Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Test
    void chineseTextsUseChinesePunctuation() throws IOException {
        assertEquals(List.of(), ChinesePunctuation.misuses(bundle("engine_zh_CN.properties")));
    }

    /**
     * The Chinese text of every key is its own pattern filled in, never derived from the English one: a key
     * with an English sentence has a Chinese sentence that differs from it.
     */
    @Test
    void theChineseTextIsLookedUpByKeyNotDerivedFromTheEnglish() throws IOException {
        Properties english = bundle("engine.properties");
        Properties chinese = bundle("engine_zh_CN.properties");
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            Object[] args = placeholders(english.getProperty(key)).stream().map(i -> "«" + i + "»").toArray();
            Message message = Message.of(key, args);
            assertEquals(new MessageFormat(chinese.getProperty(key), Locale.SIMPLIFIED_CHINESE).format(args),
                    EngineMessages.localize(message, Locale.SIMPLIFIED_CHINESE), key);
            assertEquals(message.english(), EngineMessages.localize(message, Locale.ENGLISH), key);
            if (!LANGUAGE_NEUTRAL.contains(key)) {
                assertNotEquals(message.english(), EngineMessages.localize(message, Locale.SIMPLIFIED_CHINESE), key);
            }
        }
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern.replaceAll("'[^']*'", ""));
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }
}
