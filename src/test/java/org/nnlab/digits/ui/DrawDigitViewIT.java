package org.nnlab.digits.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.nnlab.digits.ClassifyLatencies;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;

import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Drawing on the real pad in headless Chromium with pointer actions (mouse, pen, touch), and the
 * numbers that say how fast it is: the browser's round trip from stroke end to updated bars and the
 * server's time per stroke, printed to the test output.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DrawDigitViewIT {
    @LocalServerPort
    int port;
    @Autowired
    ClassifyLatencies latencies;

    @Test
    void aOneAZeroAndASmallOffCentreSevenDrawnOnThePadAreReadCorrectly() {
        try (Browser browser = new Browser()) {
            open(browser);

            draw(browser, PointerInput.Kind.MOUSE, line(0.50, 0.14, 0.47, 0.86, 14));
            assertEquals("1", prediction(browser));
            browser.screenshot("draw-one");

            clear(browser);
            draw(browser, PointerInput.Kind.MOUSE, loop(0.5, 0.5, 0.23, 0.34, 40));
            assertEquals("0", prediction(browser));
            browser.screenshot("draw-zero");

            clear(browser);
            // About a quarter of the pad's height, in its top-left corner.
            List<double[]> seven = new ArrayList<>(line(0.10, 0.12, 0.30, 0.12, 8));
            seven.addAll(line(0.30, 0.12, 0.18, 0.38, 10));
            draw(browser, PointerInput.Kind.PEN, seven);
            assertEquals("7", prediction(browser));
            browser.screenshot("draw-seven-small");
            // The layer pictures follow the probabilities by push.
            browser.waitForText(By.id("layers"), "Convolution 2");
            assertEquals(6 + 16 + 2, browser.driver().findElements(By.cssSelector("#layers img")).size());
            js(browser).executeScript("document.getElementById('feedback').scrollIntoView()");
            browser.screenshot("draw-seven-layers");

            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    @Test
    void undoAndClearWorkInTheBrowserAndOnAPhoneTheFingerDrawsWithoutScrollingThePage() {
        try (Browser browser = new Browser()) {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            open(browser);
            WebElement canvas = canvas(browser);
            assertTrue(canvas.getSize().getWidth() >= 300, "pad width on a phone: " + canvas.getSize().getWidth());
            assertEquals("none", canvas.getCssValue("touch-action"));
            Number scrollBefore = (Number) js(browser).executeScript("return window.scrollY");

            draw(browser, PointerInput.Kind.TOUCH, line(0.5, 0.12, 0.5, 0.88, 14));
            assertEquals("1", prediction(browser));
            assertEquals(scrollBefore.longValue(), ((Number) js(browser).executeScript("return window.scrollY")).longValue());
            browser.screenshot("draw-phone");

            int before = roundTrips(browser).size();
            draw(browser, PointerInput.Kind.TOUCH, line(0.3, 0.5, 0.7, 0.5, 8));
            shadow(browser, "#undo").click();
            waitForRoundTrips(browser, before + 2);
            assertEquals("1", prediction(browser), "undo took the second stroke back");

            shadow(browser, "#clear").click();
            browser.waitForText(By.id("prediction"), "–");
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    @Test
    void measuresTheRoundTripFromStrokeEndToUpdatedBars() {
        try (Browser browser = new Browser()) {
            open(browser);
            int warmUp = 10;
            int strokes = 60;
            for (int i = 0; i < warmUp + strokes; i++) {
                if (i % 4 == 0) {
                    clear(browser);
                }
                double x = 0.2 + 0.15 * (i % 4);
                draw(browser, PointerInput.Kind.MOUSE, line(x, 0.2, x + 0.05, 0.8, 6));
                if (i == warmUp - 1) {
                    latencies.clear();
                }
            }
            List<Double> all = roundTrips(browser);
            assertTrue(all.size() >= warmUp + strokes, "round trips measured: " + all.size());
            List<Double> rtt = all.subList(warmUp, all.size());
            double[] sorted = rtt.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "DRAW LATENCY browser stroke end -> bars updated: median %.1f ms, p95 %.1f ms,"
                    + " max %.1f ms over %d strokes (after %d warm-up strokes)%n", percentile(sorted, 0.5), percentile(sorted, 0.95),
                    sorted[sorted.length - 1], sorted.length, warmUp);
            System.out.printf(Locale.ROOT, "DRAW LATENCY load average while measuring: %.1f on %d cores%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println("DRAW LATENCY server " + latencies.summary(ClassifyLatencies.Kind.PAD_REQUEST));
            System.out.println("DRAW LATENCY server " + latencies.summary(ClassifyLatencies.Kind.PAD_SERVER));
            System.out.println("DRAW LATENCY server " + latencies.summary(ClassifyLatencies.Kind.PAD_SERVER_CPU));
            System.out.println("DRAW LATENCY reported by pads " + latencies.summary(ClassifyLatencies.Kind.BROWSER_ROUND_TRIP));
            assertTrue(Arrays.stream(sorted).allMatch(v -> v > 0), Arrays.toString(sorted));
        }
    }

    private void open(Browser browser) {
        browser.open("http://localhost:" + port + "/draw");
        browser.waitFor(By.id("pad"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> canvas(browser).getSize().getWidth() > 100);
    }

    private static WebElement canvas(Browser browser) {
        return shadow(browser, "canvas");
    }

    private static WebElement shadow(Browser browser, String css) {
        return browser.driver().findElement(By.id("pad")).getShadowRoot().findElement(By.cssSelector(css));
    }

    private static JavascriptExecutor js(Browser browser) {
        return (JavascriptExecutor) browser.driver();
    }

    @SuppressWarnings("unchecked")
    private static List<Double> roundTrips(Browser browser) {
        List<Object> raw = (List<Object>) js(browser).executeScript("return document.getElementById('pad').roundTrips.slice()");
        return raw.stream().map(o -> ((Number) o).doubleValue()).toList();
    }

    private static void waitForRoundTrips(Browser browser, int count) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> roundTrips(browser).size() >= count);
    }

    /** Draws one stroke through the points (fractions of the pad) and waits until the server's answer is shown. */
    private static void draw(Browser browser, PointerInput.Kind kind, List<double[]> points) {
        int before = roundTrips(browser).size();
        browser.stroke(canvas(browser), kind, points);
        waitForRoundTrips(browser, before + 1);
    }

    private static void clear(Browser browser) {
        WebElement clear = shadow(browser, "#clear");
        if (clear.isEnabled()) {
            clear.click();
            browser.waitForText(By.id("prediction"), "–");
        }
    }

    private static String prediction(Browser browser) {
        return browser.driver().findElement(By.id("prediction")).getText();
    }

    private static List<double[]> line(double x0, double y0, double x1, double y1, int steps) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            points.add(new double[] {x0 + t * (x1 - x0), y0 + t * (y1 - y0)});
        }
        return points;
    }

    private static List<double[]> loop(double cx, double cy, double rx, double ry, int steps) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= steps + 2; i++) {
            double a = 2 * Math.PI * i / steps;
            points.add(new double[] {cx + rx * Math.sin(a), cy - ry * Math.cos(a)});
        }
        return points;
    }

    private static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
