package org.nnlab.datasets;

import java.nio.file.Path;

/**
 * Where NN Lab keeps downloaded data: the {@code --data-dir} given to a command, else the system
 * property {@code nnlab.data-dir}, else the environment variable {@code NNLAB_DATA_DIR}, else
 * {@code ~/.nnlab}. MNIST lives in {@code <data-dir>/datasets/mnist/}.
 */
public final class DataDirectory {
    public static final String PROPERTY = "nnlab.data-dir";
    public static final String ENVIRONMENT = "NNLAB_DATA_DIR";

    private DataDirectory() {
    }

    /** The data directory; {@code explicit} wins when not null or blank. */
    public static Path resolve(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return expand(explicit);
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return expand(property);
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return expand(env);
        }
        return Path.of(System.getProperty("user.home"), ".nnlab");
    }

    /** {@code <dataDir>/datasets/mnist}. */
    public static Path mnist(Path dataDir) {
        return dataDir.resolve("datasets").resolve("mnist");
    }

    private static Path expand(String path) {
        String p = path.trim();
        if (p.equals("~") || p.startsWith("~/")) {
            p = System.getProperty("user.home") + p.substring(1);
        }
        return Path.of(p).toAbsolutePath().normalize();
    }
}
