package org.nnlab.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.nnlab.RoutePaths;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every page, in English and in Chinese, fits a phone 390 px wide: the document is never wider than the
 * window, so nothing has to be scrolled sideways. The routes come from Vaadin's route registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhoneWidthIT {
    /** The elements that reach past the window's right edge, deepest first, for the failure message. */
    private static final String OVERFLOW = """
            const w = window.innerWidth;
            const out = [];
            const visit = (root) => root.querySelectorAll('*').forEach(e => {
              const r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > w + 0.5) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                    + ' right=' + Math.round(r.right));
              }
              if (e.shadowRoot) visit(e.shadowRoot);
            });
            visit(document);
            return [document.documentElement.scrollWidth, w, out.slice(-8).join(' | ')];
            """;

    @LocalServerPort
    int port;

    @Autowired
    ServletContext servletContext;

    @Test
    void noPageScrollsSidewaysOnAPhone() {
        List<String> paths = routes();
        assertTrue(paths.size() >= 9, paths.toString());
        Map<String, String> overflowing = new LinkedHashMap<>();
        try (Browser browser = new Browser()) {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            for (String language : List.of("en", "zh")) {
                if (language.equals("zh")) {
                    browser.open(url(""));
                    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()",
                            browser.waitFor(By.id("language-switch")));
                    browser.waitForText(By.id("language-switch"), "English");
                }
                for (String path : paths) {
                    browser.open(url(path));
                    List<?> m = measure(browser);
                    long innerWidth = ((Number) m.get(1)).longValue();
                    assertTrue(innerWidth <= 400, "the window is phone-sized, innerWidth " + innerWidth);
                    if (((Number) m.get(0)).longValue() > innerWidth) {
                        overflowing.put(language + " /" + path, "scrollWidth " + m.get(0) + " > " + innerWidth + ": " + m.get(2));
                        browser.screenshot("phone-overflow-" + language + "-" + path.replace('/', '-'));
                    }
                }
            }
        }
        assertEquals(Map.of(), overflowing, overflowing.entrySet().stream()
                .map(e -> e.getKey() + " → " + e.getValue()).collect(Collectors.joining("\n")));
    }

    /** Waits until the page's server round trips are done and it has settled, then measures it. */
    private static List<?> measure(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                        + "return !!c && Object.values(c).every(x => !x.isActive || !x.isActive());")));
        js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 400)));");
        return (List<?>) js.executeScript(OVERFLOW);
    }

    private List<String> routes() {
        return RoutePaths.of(ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext)).getRegisteredRoutes());
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
