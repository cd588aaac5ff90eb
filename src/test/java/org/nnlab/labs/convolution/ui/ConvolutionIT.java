package org.nnlab.labs.convolution.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The convolution lab in real Chromium: stepping the 4×4 example shows each window's sum (checked
 * against a computation in the test), a click on an image cell changes the maps, and a stride that
 * gives a size that is not whole turns the formula red with the engine's explanation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConvolutionIT {
    private static final double[][] IMAGE = {{0, 0, 0, 1}, {0, 0, 0, 1}, {0.5, 0.5, 0, 1}, {0.5, 0.5, 0, 1}};
    private static final double[][] VERTICAL = {{-1, 1}, {-1, 1}};

    @LocalServerPort
    int port;

    @Test
    void steppingShowsTheSumsAndANonWholeSizeTurnsRed() {
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/labs/convolution");
            WebElement step = browser.waitFor(By.id("conv-step"));
            browser.waitFor(By.cssSelector("nn-math .katex"));
            for (int p = 1; p <= 8; p++) {
                click(browser, step);
                String expected = Grid.number(sum(IMAGE, p / 3, p % 3));
                browser.waitForText(By.id("conv-products"), "row " + (p / 3 + 1) + ", column " + (p % 3 + 1));
                assertEquals(expected, browser.waitFor(By.id("conv-sum")).getText(), "position " + p);
            }
            click(browser, browser.waitFor(By.id("conv-output-cell-2-1")));
            browser.waitForText(By.id("conv-products"), "row 3, column 2");
            assertEquals("−1", browser.waitFor(By.id("conv-sum")).getText());

            click(browser, browser.waitFor(By.id("conv-input-0-2")));   // 0 → 0.5: the top right window changes
            double[][] edited = {{0, 0, 0.5, 1}, {0, 0, 0, 1}, {0.5, 0.5, 0, 1}, {0.5, 0.5, 0, 1}};
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Grid.number(sum(edited, 0, 1))
                    .equals(d.findElement(By.id("conv-output-cell-0-1")).getText()));

            WebElement strideDown = browser.waitFor(By.cssSelector("#conv-stride-h input"));
            strideDown.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.id("conv-size-formula")).getAttribute("class").contains("bad"));
            browser.waitForText(By.id("conv-size-error"), "(28 + 2·0 − 5) / 2 + 1 = 12.5 is not a whole number");
            assertTrue(browser.waitFor(By.id("conv-size-formula")).getText().contains("✗"));
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    private static double sum(double[][] image, int r, int c) {
        double s = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                s += VERTICAL[i][j] * image[r + i][c + j];
            }
        }
        return s;
    }

    private static void click(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }
}
