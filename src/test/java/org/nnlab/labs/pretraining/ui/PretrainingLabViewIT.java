package org.nnlab.labs.pretraining.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.nnlab.MnistFiles;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In Chromium, on real MNIST: the lab's RBM trains and its filter pictures change while it does, a Gibbs chain
 * draws its pictures step by step, and the DBN experiment (a smaller network than the default, for time) fills
 * its table. Needs MNIST in the data directory ({@code fetch-data mnist}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}", "nnlab.labs.pretraining.dbn-hidden=100,100",
        "nnlab.labs.pretraining.dbn-pool=2000", "nnlab.labs.pretraining.fine-tune-samples=5000",
        "nnlab.labs.pretraining.test-samples=1000"})
@ActiveProfiles("test")
class PretrainingLabViewIT {
    @LocalServerPort
    int port;

    @Test
    void filtersChangeWhileTrainingTheChainDreamsAndTheExperimentFillsItsTable() {
        MnistFiles.assumePresent();

        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/labs/pretraining");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(120));
            String noise = wait.until(d -> nonEmpty(images(browser, "rbm-filters")));
            assertEquals(64, count(browser, "rbm-filters"));
            assertEquals(64, canvases(browser, "rbm-filters"), "one picture per hidden unit");

            click(browser, "rbm-train");
            String early = wait.until(d -> changed(images(browser, "rbm-filters"), noise));
            wait.until(d -> changed(images(browser, "rbm-filters"), early));
            wait.until(d -> chartPoints(browser, "rbm-recon-error") >= 2);
            assertTrue(browser.driver().findElement(By.id("rbm-status")).getText().contains("images seen"));
            browser.screenshot("pretraining-rbm-training");

            click(browser, "rbm-gibbs-noise");
            wait.until(d -> count(browser, "rbm-gibbs-chains") == 8);
            click(browser, "rbm-gibbs-run");
            wait.until(d -> d.findElement(By.id("rbm-gibbs-count")).getText().equals("Gibbs steps so far: 10"));
            wait.until(d -> canvases(browser, "rbm-gibbs-strip") == 11);
            assertEquals(8, canvases(browser, "rbm-gibbs-chains"));
            browser.screenshot("pretraining-gibbs");

            click(browser, "dbn-start");
            new WebDriverWait(browser.driver(), Duration.ofMinutes(10))
                    .until(d -> d.findElements(By.cssSelector("#dbn-experiment tr")).size() == 7);
            wait.until(d -> !d.findElement(By.id("dbn-verdict")).getText().isEmpty());
            List<String> rows = browser.driver().findElements(By.cssSelector("#dbn-experiment tr")).stream()
                    .map(r -> r.getText()).toList();
            assertTrue(rows.get(1).startsWith("100 random"), rows.toString());
            assertTrue(rows.get(6).startsWith("60,000 pretrained"), rows.toString());
            assertTrue(browser.driver().findElement(By.id("dbn-verdict")).getText().startsWith("With 100 labels"));
            browser.screenshot("pretraining-experiment");
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    /** Scrolls the element to the middle of the window, then clicks it as a person would. */
    private static void click(Browser browser, String id) {
        js(browser, "document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
        browser.waitFor(By.id(id)).click();
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String changed(String now, String before) {
        return now != null && !now.isEmpty() && !now.equals(before) ? now : null;
    }

    private static String images(Browser browser, String id) {
        return (String) js(browser, "return document.getElementById(arguments[0]).images || '';", id);
    }

    private static int count(Browser browser, String id) {
        return ((Number) js(browser, "const s = document.getElementById(arguments[0]).images;"
                + "return s ? JSON.parse(s).count : 0;", id)).intValue();
    }

    private static int canvases(Browser browser, String id) {
        return ((Number) js(browser, "const r = document.getElementById(arguments[0]).shadowRoot;"
                + "return r ? r.querySelectorAll('canvas').length : 0;", id)).intValue();
    }

    private static int chartPoints(Browser browser, String id) {
        return ((Number) js(browser, "const o = JSON.parse(document.getElementById(arguments[0]).option || '{}');"
                + "return o.series ? o.series[1].data.length : 0;", id)).intValue();
    }

    private static Object js(Browser browser, String script, String id) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, id);
    }
}
