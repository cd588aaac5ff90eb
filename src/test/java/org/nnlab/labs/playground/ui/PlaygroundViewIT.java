package org.nnlab.labs.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** In Chromium: a playground link opens XOR with one hidden layer; Play trains it and the boundary picture changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlaygroundViewIT {
    @LocalServerPort
    int port;

    private static String boundaryPicture(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.getElementById('playground-boundary').shadowRoot.querySelector('canvas').toDataURL()");
    }

    private static long epoch(Browser browser) {
        String text = browser.driver().findElement(By.id("playground-status")).getText();
        String digits = text.replaceAll("^\\D*(\\d[\\d,]*).*$", "$1").replace(",", "");
        return digits.isEmpty() || !Character.isDigit(digits.charAt(0)) ? -1 : Long.parseLong(digits);
    }

    @Test
    void playingTrainsXorAndTheBoundaryPictureChanges() {
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/labs/playground?data=xor&hidden=4&lr=0.1");
            browser.waitForText(By.id("playground-status"), "Epoch 0");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
            String before = boundaryPicture(browser);
            browser.screenshot("playground-before");
            press(browser, "playground-play");
            wait.until(d -> epoch(browser) >= 5);
            String during = boundaryPicture(browser);
            assertNotEquals(before, during, "the boundary picture changed while the network trained");
            wait.until(d -> epoch(browser) >= 15);
            assertNotEquals(during, boundaryPicture(browser), "and keeps changing");
            wait.until(d -> d.findElement(By.id("lab-task-xor")).getAttribute("class").contains("done"));
            press(browser, "playground-play");
            browser.screenshot("playground-xor-learned");
            String url = browser.driver().getCurrentUrl();
            assertTrue(url.contains("data=xor") && url.contains("hidden=4"), url);
            assertEquals(java.util.List.of(), browser.severeConsoleErrors());
        }
    }

    /** Scrolls the button to the middle of the window and presses it (a page taller than the window hides it). */
    private static void press(Browser browser, String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", browser.waitFor(By.id(id)));
    }
}
