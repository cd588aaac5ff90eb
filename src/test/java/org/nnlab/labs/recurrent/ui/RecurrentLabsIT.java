package org.nnlab.labs.recurrent.ui;

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
 * In Chromium, on the real engine: the next-character model trained on the pasted text says 人 after 我是中国 within a
 * minute; the BPTT bars of the RNN and the LSTM differ; the LSTM beats the RNN at N = 20; on sentences whose blank
 * only a later word settles, the bidirectional network fills it while the one-way network stays near chance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecurrentLabsIT {
    @LocalServerPort
    int port;

    @Test
    void nextCharacterGradientBarsLstmRaceAndBlank() {
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/labs/recurrent");
            WebDriverWait minute = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
            List<WebElement> rows = browser.waitFor(By.id("bptt-bars")).findElements(By.className("nnlab-bptt-row"));
            assertEquals(2, rows.size());
            double rnnFirst = norm(rows.get(0), 0);
            double lstmFirst = norm(rows.get(1), 0);
            assertTrue(lstmFirst > 1000 * rnnFirst, "step 1: RNN " + rnnFirst + ", LSTM " + lstmFirst);
            assertEquals("我是中国", browser.driver().findElement(By.id("rnn-prompt")).getAttribute("value"));
            press(browser, "rnn-train");
            minute.until(d -> "人".equals(((JavascriptExecutor) d).executeScript(
                    "const s = document.querySelectorAll('#rnn-next-chars .nnlab-next-step');"
                            + " return s.length == 4 ? s[3].getAttribute('data-best') : null;")));
            press(browser, "rnn-stop");
            browser.screenshot("recurrent-trained");

            browser.open("http://localhost:" + port + "/labs/lstm");
            press(browser, "lstm-race-start");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(
                    d -> d.findElement(By.id("lab-task-race")).getAttribute("class").contains("done"));
            assertTrue(browser.driver().findElement(By.id("lstm-gate-heatmap")).isDisplayed());
            press(browser, "lstm-stop");
            browser.screenshot("lstm-race");

            browser.open("http://localhost:" + port + "/labs/bidirectional");
            press(browser, "bidir-start");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(
                    d -> d.findElement(By.id("lab-task-blank")).getAttribute("class").contains("done"));
            press(browser, "bidir-stop");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(
                    d -> d.findElement(By.id("bidir-stop")).getAttribute("disabled") != null);
            WebElement accuracy = browser.driver().findElement(By.id("bidir-accuracy"));
            assertTrue(accuracy.isDisplayed());
            double oneWay = Double.parseDouble(accuracy.getAttribute("data-oneway"));
            double bidirectional = Double.parseDouble(accuracy.getAttribute("data-bidirectional"));
            double chance = Double.parseDouble(accuracy.getAttribute("data-chance"));
            assertTrue(bidirectional > oneWay + 0.4 && bidirectional > chance + 0.5 && Math.abs(oneWay - chance) < 0.15,
                    "one-way " + oneWay + ", bidirectional " + bidirectional + ", chance " + chance);
            @SuppressWarnings("unchecked")
            List<List<String>> sentences = (List<List<String>>) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return [...document.querySelectorAll('#bidir-sentences .nnlab-bidir-sentence')].map(s =>"
                            + " [s.textContent, s.getAttribute('data-answer'), s.getAttribute('data-bidirectional')]);");
            assertEquals(4, sentences.size());
            for (List<String> s : sentences) {
                assertTrue(s.get(0).contains("___"), s.get(0));
                assertEquals(s.get(1), s.get(2), s.get(0));
            }
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    private static double norm(WebElement row, int step) {
        return Double.parseDouble(row.findElements(By.className("nnlab-bptt-bar")).get(step).getAttribute("data-norm"));
    }

    private static void press(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", browser.waitFor(By.id(id)));
    }
}
