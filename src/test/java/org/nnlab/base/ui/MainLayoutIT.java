package org.nnlab.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The real page in real Chromium: loads cleanly, switches language, and receives server push. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MainLayoutIT {
    @LocalServerPort
    int port;

    @Test
    void pageLoadsWithoutConsoleErrorsAndSwitchesToChinese() {
        try (Browser browser = new Browser()) {
            browser.open(url(""));
            browser.waitForText(By.tagName("h1"), "NN Lab");
            browser.screenshot("home-en");
            assertEquals(java.util.List.of(), browser.severeConsoleErrors());
            assertPageLanguage(browser, "en", "a browser that asks for no language gets English");
            screenshots(browser, "lang-home-en");

            browser.waitFor(By.id("language-switch")).click();
            browser.waitForText(By.id("main-nav"), "首页");
            browser.waitForText(By.tagName("h1"), "神经网络实验室");
            browser.screenshot("home-zh");
            assertPageLanguage(browser, "zh-CN", "the page's language follows the switch");
            screenshots(browser, "lang-home-zh");

            browser.driver().navigate().refresh();
            browser.waitForText(By.id("main-nav"), "首页");
            assertPageLanguage(browser, "zh-CN", "a reload is sent in the chosen language");
            browser.open(url("train"));
            browser.waitForText(By.id("main-nav"), "首页");
            assertPageLanguage(browser, "zh-CN", "and so is another page opened afresh");
            assertEquals(java.util.List.of(), browser.severeConsoleErrors());

            browser.waitFor(By.id("language-switch")).click();
            browser.waitForText(By.id("main-nav"), "Home");
            assertPageLanguage(browser, "en", "switching back");
        }
    }

    /**
     * Waits up to 5 s for {@code <html lang>} (what the page's fonts and screen readers go by) to be {@code expected},
     * then says what it is.
     */
    private static void assertPageLanguage(Browser browser, String expected, String why) {
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(d -> expected.equals(page.executeScript("return document.documentElement.lang")));
        } catch (TimeoutException e) {
            // the assertion below says what it is instead
        }
        assertEquals(expected, page.executeScript("return document.documentElement.lang"), why);
    }

    /** Pictures of the page at 1400 px and on a 390 x 844 phone, for people to look at; the window is left as it was. */
    private static void screenshots(Browser browser, String name) {
        Dimension before = browser.driver().manage().window().getSize();
        for (Dimension size : List.of(new Dimension(1400, 900), new Dimension(390, 844))) {
            browser.driver().manage().window().setSize(size);
            browser.screenshot(name + "-" + size.getWidth());
        }
        browser.driver().manage().window().setSize(before);
    }

    @Test
    void onlineCountArrivesByPushWhenSomeoneElseOpensThePage() {
        try (Browser first = new Browser(); Browser second = new Browser()) {
            first.open(url(""));
            first.waitForText(By.id("online-count"), "online");
            int before = count(first.waitFor(By.id("online-count")).getText());

            second.open(url(""));
            first.waitForText(By.id("online-count"), (before + 1) + " people online");
        }
    }

    @Test
    void unknownAddressShowsTheNotFoundPage() {
        try (Browser browser = new Browser()) {
            browser.open(url("no-such-page"));
            browser.waitForText(By.id("not-found-view"), "Page not found");
            assertTrue(browser.waitFor(By.id("not-found-view")).getText().contains("no-such-page"));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static int count(String text) {
        return Integer.parseInt(text.replaceAll("\\D+", " ").trim().split(" ")[0]);
    }
}
