package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In Chromium, through the real upload request: a model file of several megabytes (far over the servlet
 * container's usual 1 MB multipart default) arrives and is listed; a file over the 32 MB limit is refused
 * with its size and the limit, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadReliabilityIT {
    @LocalServerPort
    int port;

    @Test
    void aSeveralMegabyteModelUploadsAndOneOverTheLimitIsRefusedWithItsSize() throws IOException {
        Path dir = Files.createTempDirectory("nnlab-upload-it");
        // 784 × 1000 + 1000 × 10 weights: about 3.2 MB as float32
        ModelSpec spec = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(1000), new ReluSpec(), new DenseSpec(10));
        Path big = dir.resolve("wide-mlp.nnm");
        Files.write(big, ModelFile.toBytes(Sequential.build(spec, new SplittableRandom(3))));
        assertTrue(Files.size(big) > 3_000_000, "the file is several megabytes: " + Files.size(big));
        Path huge = dir.resolve("too-big.nnm");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(40L * 1024 * 1024);
        }

        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/train");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
            upload(browser, big);
            wait.until(d -> d.findElement(By.id("saved-models-grid")).getText().contains("wide-mlp"));
            browser.waitForText(By.tagName("vaadin-notification-card"), "Uploaded");

            upload(browser, huge);
            wait.until(d -> d.findElements(By.tagName("vaadin-notification-card")).stream()
                    .anyMatch(card -> card.getText().contains("40") && card.getText().contains("32")));
            assertTrue(browser.driver().findElement(By.id("saved-models-grid")).getText().contains("wide-mlp"));
            assertEquals(false, browser.driver().findElement(By.id("saved-models-grid")).getText().contains("too-big"),
                    "nothing is stored from a refused file");
            assertEquals(java.util.List.of(), browser.severeConsoleErrors(), "no script or policy errors on the page");
        } finally {
            Files.deleteIfExists(big);
            Files.deleteIfExists(huge);
            Files.deleteIfExists(dir);
        }
    }

    private static void upload(Browser browser, Path file) {
        WebElement upload = browser.waitFor(By.id("upload-model"));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
    }
}
