package org.nnlab;

import org.junit.jupiter.api.Assumptions;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.Mnist;

/** For browser tests on real MNIST: skips without its files, except under CI, where they must be there. */
public final class MnistFiles {
    private MnistFiles() {
    }

    /** Skips the test unless MNIST is in the data directory ({@code NNLAB_DATA_DIR} or ~/.nnlab); fails under CI. */
    public static void assumePresent() {
        String dataDir = System.getenv().getOrDefault("NNLAB_DATA_DIR", System.getProperty("user.home") + "/.nnlab");
        boolean mnist = Mnist.isPresent(DataDirectory.mnist(DataDirectory.resolve(dataDir)));
        if (!mnist && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("MNIST must be in " + dataDir + " under CI (run fetch-data mnist)");
        }
        Assumptions.assumeTrue(mnist, "MNIST is not in " + dataDir);
    }
}
