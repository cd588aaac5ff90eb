package org.nnlab.training.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.onnx.OnnxModel;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In Chromium on Train's saved models: an .onnx file dropped on the upload becomes a model in the list, "Download
 * as ONNX" gives it back as an ONNX file with the same network, and a garbage .onnx file is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SavedModelsOnnxIT {
    @LocalServerPort
    int port;

    @Test
    void uploadsAnOnnxFileAndDownloadsItAsOnnx() throws Exception {
        ModelSpec spec = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10), new SoftmaxSpec());
        byte[] onnx = OnnxModel.toBytes(Sequential.build(spec, new SplittableRandom(5)), Map.of());
        try (Browser browser = new Browser()) {
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            browser.open("http://localhost:" + port + "/train");
            browser.waitFor(By.id("upload-model"));
            drop(js, "teacher.onnx", onnx);
            browser.waitForText(By.tagName("vaadin-notification-card"), "Uploaded");
            wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                    .anyMatch(e -> e.getText().equals("teacher")));
            js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                    browser.driver().findElements(By.tagName("vaadin-grid-cell-content")).stream()
                            .filter(e -> e.getText().equals("teacher")).findFirst().orElseThrow());
            wait.until(d -> d.findElement(By.id("download-saved-model-onnx")).getAttribute("href") != null);
            assertEquals("teacher.onnx", browser.waitFor(By.id("download-saved-model-onnx")).getAttribute("download"));
            js.executeScript("document.getElementById('download-saved-model-onnx').scrollIntoView()");
            browser.screenshot("train-saved-models-onnx");

            Object fetched = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('download-saved-model-onnx').href).then(r => r.arrayBuffer())"
                    + ".then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));"
                    + " done(btoa(s)); }).catch(e => done('failed: ' + e));");
            byte[] downloaded = Base64.getDecoder().decode((String) fetched);
            assertEquals(spec, OnnxModel.fromBytes(downloaded, ModelFileLimits.LENGTH_ONLY).spec());

            drop(js, "garbage.onnx", new byte[] {0x0a, 0x7f, 0x01});
            wait.until(d -> d.findElements(By.tagName("vaadin-notification-card")).stream()
                    .anyMatch(e -> e.getText().contains("not an ONNX model")));
            assertTrue(browser.driver().findElements(By.tagName("vaadin-grid-cell-content")).stream()
                    .noneMatch(e -> e.getText().startsWith("garbage")));
            assertEquals(List.of(), browser.severeConsoleErrors());
        }
    }

    /** Gives the upload a file as a drop would, through the component's own file handling. */
    private static void drop(JavascriptExecutor js, String name, byte[] bytes) {
        js.executeScript("const up = document.getElementById('upload-model');"
                + "const bin = atob(arguments[1]); const a = new Uint8Array(bin.length);"
                + "for (let i = 0; i < bin.length; i++) a[i] = bin.charCodeAt(i);"
                + "up.files = []; up._addFiles([new File([a], arguments[0])]);",
                name, Base64.getEncoder().encodeToString(bytes));
    }
}
