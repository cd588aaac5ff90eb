package org.nnlab.datasets;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import org.nnlab.engine.data.Mnist;

/**
 * The real MNIST files for tests that need them, from the data directory ({@code nnlab.data-dir},
 * {@code NNLAB_DATA_DIR} or {@code ~/.nnlab}). Missing files skip the test, except under {@code CI=true},
 * where CI fetched MNIST first and a missing file is a failure.
 */
public final class MnistTestData {
    private MnistTestData() {
    }

    public static Path requireMnist() {
        Path dir = DataDirectory.mnist(DataDirectory.resolve(null));
        if (!Mnist.isPresent(dir)) {
            String msg = "MNIST is not in " + dir + " (missing " + Mnist.missingFiles(dir)
                    + "); run 'java -jar nnlab.jar fetch-data mnist'";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + msg);
            }
            org.junit.jupiter.api.Assumptions.abort(msg);
        }
        return dir;
    }
}
