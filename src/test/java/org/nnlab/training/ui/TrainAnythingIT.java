package org.nnlab.training.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In Chromium, a network that does not read images: the builder's XOR preset, handed over with "Train
 * this", gets the XOR points on the Train page, trains to the end and shows its decision boundary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TrainAnythingIT {
    @LocalServerPort
    int port;

    @Test
    void xorFromTheBuilderTrainsAndDrawsItsBoundary() {
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/build");
            browser.pick("build-preset", "XOR");
            browser.waitFor(By.id("build-train")).click();

            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(120));
            wait.until(d -> d.getCurrentUrl().contains("/train"));
            wait.until(d -> d.findElement(By.id("dataset-size")).getText().contains("XOR"));
            wait.until(d -> d.findElement(By.id("train-preview-data")).getText().contains("[2]"));
            WebElement epochs = browser.waitFor(By.cssSelector("#epochs input"));
            epochs.clear();
            epochs.sendKeys("20\t");
            browser.waitFor(By.id("start")).click();

            wait.until(d -> d.findElement(By.id("job-status")).getText().contains("finished"));
            int cells = wait.until(d -> {
                Object n = ((JavascriptExecutor) d).executeScript(
                        "return document.querySelectorAll('#boundary-chart svg rect').length;");
                return ((Number) n).intValue() > 0 ? ((Number) n).intValue() : null;
            });
            assertEquals(DataCharts.GRID * DataCharts.GRID, cells);
            assertTrue(browser.driver().findElement(By.id("boundary-caption")).getText().startsWith("Epoch 20"));
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('boundary-chart').scrollIntoView()");
            browser.screenshot("train-xor-boundary");
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

}
