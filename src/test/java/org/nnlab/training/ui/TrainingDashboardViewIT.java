package org.nnlab.training.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.nnlab.MnistFiles;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In Chromium: train LeNet-5 on the first 500 MNIST images, watch the loss chart fill while it runs, see
 * the run finish, save the model and find it in the Draw view's model picker. Needs MNIST in the data
 * directory ({@code fetch-data mnist}, as {@code .ci/run} does).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
@ActiveProfiles("test")
class TrainingDashboardViewIT {
    @LocalServerPort
    int port;

    @Test
    void trainsLeNetOnASubsetSavesItAndDrawOffersIt() {
        MnistFiles.assumePresent();

        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/train");
            browser.waitForText(By.tagName("h2"), "Train a network");
            browser.pick("dataset-size", "first 500 images");
            browser.type("epochs", "3");
            browser.waitFor(By.id("start")).click();

            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(180));
            int first = wait.until(d -> {
                int n = lossPoints(browser);
                return n > 0 ? n : null;
            });
            browser.screenshot("train-running");
            wait.until(d -> lossPoints(browser) > first || statusContains(browser, "finished"));
            wait.until(d -> statusContains(browser, "finished"));
            assertTrue(lossPoints(browser) > first, "the loss chart grew while training ran");
            assertTrue(canvasDrawn(browser, "loss-chart"), "ECharts drew the loss chart");
            browser.screenshot("train-finished");
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('gradient-chart').scrollIntoView()");
            browser.screenshot("train-health-charts");
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('confusion-chart').scrollIntoView()");
            browser.screenshot("train-confusion");
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('job-status').scrollIntoView()");

            WebElement name = browser.waitFor(By.cssSelector("#model-name input"));
            name.clear();
            name.sendKeys("LeNet from the IT\t");
            browser.waitFor(By.id("save-model")).click();
            browser.waitForText(By.tagName("vaadin-notification-card"), "Saved as");
            wait.until(d -> d.findElement(By.id("try-in-draw")).getAttribute("disabled") == null);
            browser.waitFor(By.id("try-in-draw")).click();

            wait.until(d -> d.getCurrentUrl().contains("draw?model="));
            browser.waitFor(By.id("draw-view"));
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('model').scrollIntoView()");
            wait.until(d -> d.findElement(By.id("model")).getText().contains("LeNet from the IT"));
            org.openqa.selenium.Cookie owner = browser.driver().manage().getCookieNamed("nnlab-owner");
            assertTrue(owner != null && owner.isHttpOnly() && owner.getValue().length() == 36,
                    "the browser keeps its owner id in the cookie: " + owner);
            browser.waitFor(By.id("model")).click();
            wait.until(d -> d.findElements(By.tagName("vaadin-select-item")).stream()
                    .anyMatch(e -> e.getText().contains("LeNet from the IT")));
            browser.screenshot("train-then-draw");
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }


    private static int lossPoints(Browser browser) {
        Object n = ((JavascriptExecutor) browser.driver()).executeScript(
                "const points = document.getElementById('loss-chart').points;"
                        + "return points && points.length ? points[0].length : 0;");
        return ((Number) n).intValue();
    }

    private static boolean statusContains(Browser browser, String text) {
        return browser.driver().findElement(By.id("job-status")).getText().contains(text);
    }

    private static boolean canvasDrawn(Browser browser, String chartId) {
        Object ok = ((JavascriptExecutor) browser.driver()).executeScript(
                "const c = document.getElementById(arguments[0]).shadowRoot.querySelector('canvas');"
                        + "return !!c && c.width > 0 && c.height > 0;", chartId);
        return Boolean.TRUE.equals(ok);
    }
}
