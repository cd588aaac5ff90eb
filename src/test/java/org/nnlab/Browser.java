package org.nnlab;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with nothing downloaded: the browser and its driver
 * are the ones installed at /usr/bin. Each browser gets a fresh profile directory.
 */
public final class Browser implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path profile;
    private final boolean ownProfile;

    public Browser() {
        this(newProfile(), true);
    }

    /** A browser on an existing profile (cookies and all), which closing leaves in place for the next one. */
    public Browser(Path profile) {
        this(profile, false);
    }

    private static Path newProfile() {
        try {
            return Files.createTempDirectory("nnlab-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Browser(Path profile, boolean ownProfile) {
        this.profile = profile;
        this.ownProfile = ownProfile;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
        waitFor(By.tagName("vaadin-app-layout"));
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Types {@code text} into the input of the Vaadin field with id {@code id}, then leaves the field. */
    public void type(String id, String text) {
        WebElement input = waitFor(By.cssSelector("#" + id + " input"));
        input.clear();
        input.sendKeys(text, Keys.TAB);
    }

    /** Opens the select with id {@code selectId} and picks the first shown item whose text contains {@code itemText}. */
    public void pick(String selectId, String itemText) {
        waitFor(By.id(selectId)).click();
        WebElement item = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d
                .findElements(By.tagName("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(itemText)).findFirst().orElse(null));
        item.click();
    }

    /** Clicks the element with id {@code id} once it is shown, by script (so nothing lying over it gets the click). */
    public void click(String id) {
        driver.executeScript("arguments[0].click()", waitFor(By.id(id)));
    }

    /** The text shown in the element with id {@code id}, or "" while there is none. */
    public String text(String id) {
        Object t = driver.executeScript("const e = document.getElementById(arguments[0]); return e ? e.innerText : '';", id);
        return t == null ? "" : t.toString();
    }

    /** A wait of up to 30 s that looks every 20 ms (for measuring how soon something shows). */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20));
    }

    /**
     * Draws one stroke with a pointer of {@code kind} on {@code canvas} through {@code points}, each given as
     * fractions {x, y} of the canvas's size (0,0 its top-left corner), 15 ms between points as a hand would.
     */
    public void stroke(WebElement canvas, PointerInput.Kind kind, List<double[]> points) {
        int w = canvas.getSize().getWidth();
        int h = canvas.getSize().getHeight();
        PointerInput pointer = new PointerInput(kind, kind.name().toLowerCase(Locale.ROOT));
        Sequence s = new Sequence(pointer, 0);
        double[] p0 = points.getFirst();
        s.addAction(pointer.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(canvas),
                offset(p0[0], w), offset(p0[1], h)));
        s.addAction(pointer.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        for (double[] p : points.subList(1, points.size())) {
            s.addAction(pointer.createPointerMove(Duration.ofMillis(15), PointerInput.Origin.fromElement(canvas),
                    offset(p[0], w), offset(p[1], h)));
        }
        s.addAction(pointer.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        driver.perform(List.of(s));
    }

    /** A pointer offset from an element's centre, which is where WebDriver's element origin is. */
    private static int offset(double fraction, int size) {
        return (int) Math.round((fraction - 0.5) * size);
    }

    /** Console messages of level SEVERE since the last call. */
    public List<String> severeConsoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves a PNG of the page under target/screenshots (for people to look at; tests never read it). */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        if (!ownProfile) {
            return;
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
