package org.nnlab.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over real HTTP, against the production build: a first visit's page says, in {@code <html lang>}, the language the
 * browser asked for (Vaadin itself writes {@code en} whatever it asked).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FirstPageLanguageIT {
    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\blang=\"([^\"]*)\"");

    @LocalServerPort
    int port;

    private String langOfFirstPage(String path, String acceptLanguage) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").header("Accept-Language", acceptLanguage)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = HTML_LANG.matcher(r.body());
        return m.find() ? m.group(1) : "(none) " + r.statusCode() + " " + r.body().substring(0, Math.min(400, r.body().length()));
    }

    @Test
    void aBrowserThatAsksForChineseGetsAChinesePage() throws Exception {
        assertEquals("zh-CN", langOfFirstPage("/", "zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals("zh-CN", langOfFirstPage("/workshop", "zh"));
        assertEquals("zh-CN", langOfFirstPage("/train", "fr-FR,zh-TW;q=0.8"));
    }

    @Test
    void anyOtherBrowserGetsAnEnglishPage() throws Exception {
        assertEquals("en", langOfFirstPage("/", "en-US,en;q=0.9,zh;q=0.5"));
        assertEquals("en", langOfFirstPage("/draw", "fr-FR"));
    }
}
