package org.nnlab.builder.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.nnlab.builder.SpecLinks;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The builder in real Chromium. Chrome does not run HTML5 drag and drop for synthetic mouse input, so
 * the drag is the event sequence a real one produces (dragstart, dragenter, dragover, drop, dragend)
 * dispatched with one shared DataTransfer; Vaadin's drag source and drop target handle it as usual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LayerBuilderViewIT {
    private static final String DRAG = """
            const source = arguments[0], target = arguments[1];
            const transfer = new DataTransfer();
            const fire = (element, type) => element.dispatchEvent(
                new DragEvent(type, {bubbles: true, cancelable: true, composed: true, dataTransfer: transfer}));
            fire(source, 'dragstart');
            fire(target, 'dragenter');
            fire(target, 'dragover');
            fire(target, 'drop');
            fire(source, 'dragend');
            """;

    @LocalServerPort
    int port;

    @Test
    void dragFromThePaletteIntoTheStackAndSeeTheShapes() {
        try (Browser browser = new Browser()) {
            browser.open(url("build"));
            browser.waitForText(By.id("build-drop-end"), "empty");
            drag(browser, By.id("build-palette-flatten"), By.id("build-drop-end"));
            browser.waitForText(By.id("build-card-0"), "→ [784]");
            drag(browser, By.id("build-palette-dense"), By.id("build-drop-end"));
            browser.waitForText(By.id("build-card-1"), "→ [16]");
            browser.waitForText(By.id("build-total-params"), "12,560");
            drag(browser, By.id("build-palette-relu"), By.id("build-card-1"));
            browser.waitForText(By.id("build-card-1"), "ReLU");
            browser.waitForText(By.id("build-card-2"), "Dense");
            assertTrue(browser.waitFor(By.id("build-diagram")).getText().contains("[784]"));
            browser.screenshot("build-dragged");
            drag(browser, By.cssSelector("#build-card-2 .build-card-header"), By.id("build-card-0"));
            browser.waitForText(By.id("build-card-0"), "Dense");
            browser.waitForText(By.id("build-card-0"), "Dense expects a flat input [features], got [1, 28, 28]");
            browser.screenshot("build-reordered");
            drag(browser, By.cssSelector("#build-card-0 .build-card-header"), By.id("build-drop-end"));
            browser.waitForText(By.id("build-card-2"), "Dense");
            browser.waitForText(By.id("build-card-2"), "→ [16]");
            assertEquals(List.of(), browser.severeConsoleErrors());

            browser.waitFor(By.id("language-switch")).click();
            browser.waitForText(By.tagName("h2"), "网络搭建器");
            browser.waitForText(By.id("build-card-0"), "展平");
            browser.screenshot("build-zh");
        }
    }

    @Test
    void sharedLinkOfAMisfitShowsTheEngineMessage() {
        ModelSpec cnn = Presets.DIGIT_CNN.spec();
        List<LayerSpec> layers = new java.util.ArrayList<>(cnn.layers());
        layers.set(0, Conv2dSpec.of(5, 5).withStride(2));
        ModelSpec broken = new ModelSpec(cnn.input(), layers);
        try (Browser browser = new Browser()) {
            browser.open(url(SpecLinks.link("build", cnn)));
            browser.waitForText(By.id("build-card-8"), "→ [10]");
            browser.screenshot("build-digit-cnn");
            browser.waitFor(By.id("build-code")).click();
            browser.waitForText(By.id("build-code-text"), "nn.Conv2d(1, 5, kernel_size=(5, 5)");
            browser.screenshot("build-code");
            browser.open(url(SpecLinks.link("build", broken)));
            browser.waitForText(By.id("build-card-0"), "12.5 is not a whole number");
            browser.screenshot("build-misfit");
            browser.open(url(SpecLinks.link("build", cnn)));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", browser.waitFor(By.id("build-totals")));
            browser.waitForText(By.id("build-compare"), "fully connected");
            browser.screenshot("build-totals");
            assertEquals(List.of(), browser.severeConsoleErrors().stream().filter(e -> !e.contains("favicon")).toList());
        }
    }

    @Test
    void onAPhoneTheStackComesFirstTheSheetAddsLayersAndNothingIsWiderThanTheScreen() {
        try (Browser browser = new Browser()) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.open(url(SpecLinks.link("build", Presets.LENET.spec())));
            browser.waitForText(By.id("build-card-11"), "→ [10]");
            assertTrue(!browser.driver().findElement(By.id("build-palette")).isDisplayed(), "no palette column over the cards");
            browser.waitFor(By.id("build-add-layer")).click();
            browser.waitFor(By.id("build-sheet-add-dropout")).click();
            browser.waitForText(By.id("build-card-12"), "Dropout");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(d ->
                    d.findElements(By.id("build-sheet-add-dropout")).stream().noneMatch(WebElement::isDisplayed));
            assertFitsTheWidth(browser);
            browser.screenshot("build-phone");
            browser.open(url("draw"));
            browser.waitFor(By.id("pad"));
            assertFitsTheWidth(browser);
        }
    }

    private static void assertFitsTheWidth(Browser browser) {
        Object fits = ((JavascriptExecutor) browser.driver()).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        List<?> sizes = (List<?>) fits;
        assertTrue(((Number) sizes.get(0)).longValue() <= ((Number) sizes.get(1)).longValue(), "scroll width vs window: " + sizes);
    }

    private void drag(Browser browser, By from, By to) {
        WebElement source = browser.waitFor(from);
        WebElement target = browser.waitFor(to);
        ((JavascriptExecutor) browser.driver()).executeScript(DRAG, source, target);
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
