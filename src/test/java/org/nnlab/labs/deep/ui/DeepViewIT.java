package org.nnlab.labs.deep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.Mnist;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** In Chromium: the deep lab trains on MNIST and its gradient bars update while it runs. Needs MNIST in the data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
@ActiveProfiles("test")
class DeepViewIT {
    @LocalServerPort
    int port;

    private static List<String> bars(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#deep-grad-bars .nnlab-log-bar-value")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void theGradientBarsUpdateWhileTheNetworkTrains() {
        String dataDir = System.getenv().getOrDefault("NNLAB_DATA_DIR", System.getProperty("user.home") + "/.nnlab");
        boolean mnist = Mnist.isPresent(DataDirectory.mnist(DataDirectory.resolve(dataDir)));
        if (!mnist && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("MNIST must be in " + dataDir + " under CI (run fetch-data mnist)");
        }
        Assumptions.assumeTrue(mnist, "MNIST is not in " + dataDir);
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/labs/deep");
            press(browser, "deep-start");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(120));
            wait.until(d -> bars(browser).size() == 9 && !bars(browser).getFirst().isEmpty());
            List<String> first = bars(browser);
            wait.until(d -> !bars(browser).equals(first));
            assertNotEquals(first, bars(browser), "the bars changed while training");
            browser.screenshot("deep-training");
            press(browser, "deep-stop");
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    /** Scrolls the button to the middle of the window and presses it (a page taller than the window hides it). */
    private static void press(Browser browser, String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", browser.waitFor(By.id(id)));
    }
}
