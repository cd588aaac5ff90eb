package org.nnlab.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.openqa.selenium.By;
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

            browser.waitFor(By.id("language-switch")).click();
            browser.waitForText(By.id("main-nav"), "首页");
            browser.waitForText(By.tagName("h1"), "神经网络实验室");
            browser.screenshot("home-zh");

            browser.driver().navigate().refresh();
            browser.waitForText(By.id("main-nav"), "首页");
            assertEquals(java.util.List.of(), browser.severeConsoleErrors());
        }
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
