package org.nnlab.base.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Chinese bundle, the engine's and the pages', writes Chinese sentences with Chinese punctuation and one term per idea. */
class ChineseBundlesTest {
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    private static List<Path> chineseBundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_zh_CN.properties")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void chineseSentencesUseChinesePunctuationInEveryBundle() throws IOException {
        List<Path> bundles = chineseBundles();
        assertTrue(bundles.size() >= 6, "found " + bundles);
        List<String> found = new ArrayList<>();
        for (Path file : bundles) {
            ChinesePunctuation.misuses(load(file)).forEach(m -> found.add(file.getFileName() + " " + m));
        }
        assertEquals(List.of(), found, String.join("\n", found));
    }

    /** Stride is 步幅 everywhere; 步长 would be a second word for the same setting. */
    @Test
    void strideHasOneName() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : chineseBundles()) {
            Properties texts = load(file);
            texts.stringPropertyNames().stream().filter(k -> texts.getProperty(k).contains("步长"))
                    .forEach(k -> found.add(file.getFileName() + " " + k));
        }
        assertEquals(List.of(), found);
    }

    /** The instructor is 老师 everywhere (a participant reads it on every workshop page); 讲师, 教师 or 导师 would be a second name. */
    @Test
    void theInstructorHasOneName() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : chineseBundles()) {
            Properties texts = load(file);
            texts.stringPropertyNames().stream()
                    .filter(k -> Stream.of("讲师", "教师", "导师", "助教").anyMatch(texts.getProperty(k)::contains))
                    .forEach(k -> found.add(file.getFileName() + " " + k));
        }
        assertEquals(List.of(), found);
    }
}
