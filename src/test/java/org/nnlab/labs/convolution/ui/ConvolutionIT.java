package org.nnlab.labs.convolution.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.openqa.selenium.interactions.PointerInput;

import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The convolution lab in real Chromium: stepping the 4×4 example shows each window's sum (checked
 * against a computation in the test), a click on an image cell changes the maps, and a stride that
 * gives a size that is not whole turns the formula red with the engine's explanation; drawing updates
 * the feature map, and shifting the digit keeps the shipped CNN's answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConvolutionIT {
    private static final double[][] IMAGE = {{0, 0, 0, 1}, {0, 0, 0, 1}, {0.5, 0.5, 0, 1}, {0.5, 0.5, 0, 1}};
    private static final double[][] VERTICAL = {{-1, 1}, {-1, 1}};

    /** The pause before each timed stroke, about as long as a person takes to start the next one. */
    private static final long STROKE_PAUSE_MS = 250;

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

    /**
     * The lab as the first page a fresh browser opens: the pad is there and drawn on, the feature map
     * follows each stroke (timed from the pad's stroke event to the map's next frame, printed), and
     * shifting the digit moves the maps while the shipped CNN's answer stays.
     */
    @Test
    void drawingUpdatesTheFeatureMapAndShiftingKeepsThePrediction() {
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/labs/convolution");
            WebElement pad = browser.waitFor(By.id("conv-draw"));
            js(browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", pad);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> canvas(browser).getSize().getWidth() > 100);
            js(browser).executeScript("""
                    const pad = document.getElementById('conv-draw');
                    const map = document.getElementById('conv-own-feature-map');
                    window.convTimes = [];
                    window.convStarts = new Map();
                    pad.addEventListener('stroke-end', e => {
                      window.convStarts.set(String(e.detail.seq), performance.now());
                      window.convLastEnd = String(e.detail.seq);
                    });
                    new MutationObserver(() => {
                      const start = window.convStarts.get(map.dataset.seq);
                      if (start !== undefined) {
                        window.convStarts.delete(map.dataset.seq);
                        requestAnimationFrame(() => window.convTimes.push(performance.now() - start));
                      }
                    }).observe(map, {attributes: true, attributeFilter: ['data-seq', 'src']});""");
            int warmUp = 10;
            int strokes = 60;
            for (int i = 0; i < warmUp + strokes; i++) {
                if (i % 4 == 0 && i > 0) {
                    clear(browser);
                }
                double x = 0.2 + 0.15 * (i % 4);
                pause(STROKE_PAUSE_MS);
                stroke(browser, List.of(new double[] {x, 0.2}, new double[] {x + 0.02, 0.4}, new double[] {x + 0.03, 0.6},
                        new double[] {x + 0.05, 0.8}));
            }
            List<Double> times = times(browser);
            double[] sorted = times.subList(warmUp, times.size()).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "CONV LATENCY stroke event -> feature map shown: median %.1f ms, p95 %.1f ms,"
                            + " max %.1f ms over %d strokes (after %d warm-up); load average %.1f on %d cores%n",
                    sorted[sorted.length / 2], sorted[(int) Math.ceil(0.95 * sorted.length) - 1], sorted[sorted.length - 1],
                    sorted.length, warmUp, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());

            clear(browser);
            String before = version(browser, "conv-pipeline");
            stroke(browser, List.of(new double[] {0.52, 0.15}, new double[] {0.5, 0.4}, new double[] {0.49, 0.6},
                    new double[] {0.47, 0.85}));
            String digit = awaitReading(browser, before);
            String firstMap = browser.driver().findElement(By.id("conv-stage-1-map-0")).getAttribute("src");
            for (String direction : List.of("right", "down")) {
                before = version(browser, "conv-pipeline");
                click(browser, browser.waitFor(By.id("conv-shift-" + direction)));
                assertEquals(digit, awaitReading(browser, before), "after a shift " + direction);
            }
            assertTrue(!firstMap.equals(browser.driver().findElement(By.id("conv-stage-1-map-0")).getAttribute("src")),
                    "the maps moved with the digit");
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    /** Waits for a reading newer than {@code before} and gives the digit it names. */
    private static String awaitReading(Browser browser, String before) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> !before.equals(version(browser, "conv-pipeline"))
                && d.findElement(By.id("conv-pipeline-prediction")).getText().startsWith("The network reads "));
        String text = browser.driver().findElement(By.id("conv-pipeline-prediction")).getText();
        return text.substring("The network reads ".length(), "The network reads ".length() + 1);
    }

    private static String version(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("data-version");
    }

    @SuppressWarnings("unchecked")
    private static List<Double> times(Browser browser) {
        List<Object> raw = (List<Object>) js(browser).executeScript("return window.convTimes.slice()");
        return raw.stream().map(o -> ((Number) o).doubleValue()).toList();
    }

    private static WebElement canvas(Browser browser) {
        return browser.driver().findElement(By.id("conv-draw")).getShadowRoot().findElement(By.cssSelector("canvas"));
    }

    /** One quick stroke through the points; waits until the map answers the stroke's end. */
    private static void stroke(Browser browser, List<double[]> points) {
        js(browser).executeScript("window.convLastEnd = undefined;");
        browser.stroke(canvas(browser), PointerInput.Kind.MOUSE, points);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js(browser).executeScript(
                "return window.convLastEnd !== undefined"
                        + " && document.getElementById('conv-own-feature-map').dataset.seq === window.convLastEnd")));
    }

    /** Empties the pad and waits until the map shows the empty pad. */
    private static void clear(Browser browser) {
        String before = version(browser, "conv-own-feature-map");
        click(browser, browser.driver().findElement(By.id("conv-draw")).getShadowRoot().findElement(By.cssSelector("#clear")));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> !before.equals(version(browser, "conv-own-feature-map")));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JavascriptExecutor js(Browser browser) {
        return (JavascriptExecutor) browser.driver();
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
