package org.nnlab.base.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationsTest {
    private final Translations translations = new Translations();

    @Test
    void anyChineseBrowserGetsSimplifiedChineseAndEveryoneElseEnglish() {
        assertEquals(Translations.CHINESE, Translations.supported(Locale.TAIWAN));
        assertEquals(Translations.CHINESE, Translations.supported(Locale.forLanguageTag("zh")));
        assertEquals(Translations.ENGLISH, Translations.supported(Locale.GERMAN));
        assertEquals(Translations.ENGLISH, Translations.supported(null));
    }

    @Test
    void formatsParametersInEachLanguage() {
        assertEquals("3 people online", translations.getTranslation("presence.online", Locale.ENGLISH, 3));
        assertEquals("1 person online", translations.getTranslation("presence.online", Locale.ENGLISH, 1));
        assertEquals("3 人在线", translations.getTranslation("presence.online", Locale.SIMPLIFIED_CHINESE, 3));
    }

    @Test
    void aMissingKeyIsVisibleRatherThanBlank() {
        assertEquals("!no.such.key", translations.getTranslation("no.such.key", Locale.ENGLISH));
    }

    @Test
    void everyEnglishKeyHasAChineseText() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(TranslationsTest.class.getResource("/i18n").toURI());
        java.util.List<String> bundles;
        try (var files = java.nio.file.Files.list(dir)) {
            bundles = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .toList();
        }
        assertTrue(bundles.contains("messages"), bundles.toString());
        for (String bundle : bundles) {
            Properties en = load("/i18n/" + bundle + ".properties");
            Properties zh = load("/i18n/" + bundle + "_zh_CN.properties");
            for (String key : en.stringPropertyNames()) {
                assertTrue(zh.containsKey(key), bundle + ": no Chinese text for " + key);
            }
            assertEquals(en.keySet(), zh.keySet(), bundle + ": both languages have the same keys");
        }
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream(path)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
