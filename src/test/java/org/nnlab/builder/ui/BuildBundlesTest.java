package org.nnlab.builder.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Words the bundles must use one way only, so the builder, its errors and the other pages agree. */
class BuildBundlesTest {
    private static final List<String> BUNDLES = List.of("build", "draw", "messages", "train");

    @Test
    void aConvolutionLayerIsSpelledConv2dAsTheEngineSpellsIt() throws IOException {
        assertEquals("Conv2d", load("build", "").getProperty("build.kind.conv2d"));
        assertEquals(List.of(), valuesContaining("Conv2D", ""));
        assertEquals(List.of(), valuesContaining("Pool2D", ""));
    }

    @Test
    void theChineseBundlesSayStrideOneWay() throws IOException {
        assertEquals("步幅", load("build", "_zh_CN").getProperty("build.prop.stride"));
        assertEquals(List.of(), valuesContaining("步长", "_zh_CN"));
    }

    @Test
    void addingNeedsNoArticleBeforeTheKindsName() throws IOException {
        String add = load("build", "").getProperty("build.palette.add");
        assertTrue(!add.contains("a {0}") && !add.contains("an {0}"), add);
    }

    private static List<String> valuesContaining(String word, String suffix) throws IOException {
        List<String> found = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Properties p = load(bundle, suffix);
            p.stringPropertyNames().stream().filter(k -> p.getProperty(k).contains(word)).map(k -> bundle + ": " + k).forEach(found::add);
        }
        return found;
    }

    private static Properties load(String bundle, String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BuildBundlesTest.class.getResourceAsStream("/i18n/" + bundle + suffix + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
