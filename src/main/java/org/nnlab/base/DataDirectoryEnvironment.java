package org.nnlab.base;

import java.util.Map;
import org.nnlab.datasets.DataDirectory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code nnlab.data-dir} an absolute path before anything reads it. The H2 URL is built from it
 * ({@code jdbc:h2:file:<data dir>/db/nnlab}), and H2 refuses a file path relative to the working directory,
 * so {@code NNLAB_DATA_DIR=data} stopped the app at its first database connection; MNIST and the models
 * already resolved it the same way ({@link DataDirectory#resolve}).
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "nnlabDataDirectory";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(DataDirectory.PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        String absolute = DataDirectory.resolve(configured).toString();
        if (!absolute.equals(configured)) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(DataDirectory.PROPERTY, absolute)));
        }
    }

    /** After the application's own properties are read (config data runs earlier). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
