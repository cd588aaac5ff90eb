package org.nnlab.training.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.Mnist;
import org.springframework.beans.factory.annotation.Value;

class MnistDownloadPanelTest extends KaribuSpringTest {
    @Value("${nnlab.data-dir}")
    String dataDir;

    @Test
    void aServerWithoutMnistOffersToFetchIt() {
        Path mnist = DataDirectory.mnist(DataDirectory.resolve(dataDir));
        assertTrue(!Mnist.isPresent(mnist), "the test data directory starts without MNIST: " + mnist);
        UI.getCurrent().navigate("train");
        MnistDownloadPanel panel = _get(MnistDownloadPanel.class);
        assertTrue(panel.isVisible());
        assertTrue(panel.download.isEnabled());
        assertTrue(panel.download.getText().startsWith("Download MNIST"), panel.download.getText());
    }
}
