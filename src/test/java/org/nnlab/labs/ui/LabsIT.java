package org.nnlab.labs.ui;

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
 * The labs in real Chromium: the index lists the chapters, the perceptron settles on AND, OR and NOT but
 * not on XOR, the backprop lab shows the notes' numbers after stepping, formulas are typeset by KaTeX,
 * and completed tasks come back as done marks on the index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LabsIT {
    @LocalServerPort
    int port;

    @Test
    void theIndexListsTheChaptersAndOpensALab() {
        try (Browser browser = new Browser()) {
            browser.open(url("labs"));
            WebElement index = browser.waitFor(By.id("labs-index"));
            List<WebElement> cards = index.findElements(By.className("nnlab-lab-card"));
            assertEquals(9, cards.size());
            assertTrue(cards.get(0).getText().contains("perceptron"), cards.get(0).getText());
            assertTrue(!browser.waitFor(By.id("lab-card-lstm")).getText().contains("Coming"), "the LSTM lab is built");
            assertTrue(browser.waitFor(By.cssSelector("#lab-card-lstm a")).getAttribute("href").endsWith("labs/lstm"));
            click(browser, browser.waitFor(By.cssSelector("#lab-card-backprop a")));
            browser.waitFor(By.id("backprop-step"));
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    @Test
    void andOrNotConvergeXorDoesNotAndTheIndexMarksTheLabDone() {
        try (Browser browser = new Browser()) {
            browser.open(url("labs/perceptron"));
            browser.waitFor(By.cssSelector("nn-math .katex"));
            for (String gate : List.of("AND", "OR", "NOT")) {
                chooseGate(browser, gate);
                click(browser, browser.waitFor(By.id("perceptron-run")));
                browser.waitForText(By.id("perceptron-status"), "Converged after");
            }
            chooseGate(browser, "XOR");
            click(browser, browser.waitFor(By.id("perceptron-run")));
            browser.waitForText(By.id("perceptron-status"), "Did not converge after 100 epochs");
            browser.waitFor(By.id("perceptron-hidden-layer"));
            browser.screenshot("labs-perceptron-xor");

            chooseGate(browser, "AND");
            click(browser, browser.waitFor(By.id("perceptron-learn")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
                    d.findElement(By.id("perceptron-status")).getText().startsWith("Converged after"));
            assertTrue(browser.waitFor(By.id("perceptron-log")).getText().contains("Epoch"));

            browser.open(url("labs"));
            browser.waitForText(By.id("lab-done-perceptron"), "Done");
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    @Test
    void steppingThroughBackpropShowsTheNotesNumbers() {
        try (Browser browser = new Browser()) {
            browser.open(url("labs/backprop"));
            WebElement step = browser.waitFor(By.id("backprop-step"));
            for (int i = 0; i < 5; i++) {
                click(browser, step);
            }
            browser.waitForText(By.id("backprop-total-error"), "0.298371109");
            click(browser, step);
            browser.waitForText(By.id("backprop-w5-new"), "0.35891648");
            browser.waitForText(By.id("backprop-stage"), "0.082167041");
            for (int i = 0; i < 4; i++) {
                click(browser, step);
            }
            browser.waitForText(By.id("backprop-w1-new"), "0.149780716");
            browser.screenshot("labs-backprop-w1");
            click(browser, browser.waitFor(By.id("backprop-run")));
            browser.waitForText(By.id("backprop-run-error"), "3.5102e-5");
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    private static void chooseGate(Browser browser, String label) {
        browser.waitFor(By.id("perceptron-gate")).findElements(By.tagName("vaadin-radio-button")).stream()
                .filter(b -> b.getText().trim().equals(label)).findFirst()
                .ifPresent(b -> click(browser, b.findElement(By.tagName("input"))));
        browser.waitForText(By.id("perceptron-status"), "wrong side");
    }

    /** A click as the page receives it, even where a task notice covers the element for a moment. */
    private static void click(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
