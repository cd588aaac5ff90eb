package org.nnlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DataDirectoryEnvironmentTest {

    private static StandardEnvironment environment(String dataDir) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addLast(new MapPropertySource("app", Map.of(
                "nnlab.data-dir", dataDir,
                "spring.datasource.url", "jdbc:h2:file:${nnlab.data-dir}/db/nnlab")));
        return env;
    }

    @Test
    void aRelativeDataDirectoryBecomesAbsoluteAndSoDoesTheDatabaseFile() {
        StandardEnvironment env = environment("data");
        new DataDirectoryEnvironment().postProcessEnvironment(env, null);
        Path expected = Path.of("data").toAbsolutePath().normalize();
        assertThat(env.getProperty("nnlab.data-dir")).isEqualTo(expected.toString());
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:" + expected + "/db/nnlab");
        assertThat(Path.of(env.getProperty("nnlab.data-dir"))).isAbsolute();
    }

    @Test
    void anAbsoluteDataDirectoryIsLeftAsItIs() {
        StandardEnvironment env = environment("/srv/nnlab");
        new DataDirectoryEnvironment().postProcessEnvironment(env, null);
        assertThat(env.getProperty("nnlab.data-dir")).isEqualTo("/srv/nnlab");
        assertThat(env.getPropertySources().contains(DataDirectoryEnvironment.SOURCE)).isFalse();
    }

    @Test
    void aHomeRelativeDataDirectoryIsExpanded() {
        StandardEnvironment env = environment("~/nnlab-data");
        new DataDirectoryEnvironment().postProcessEnvironment(env, null);
        assertThat(env.getProperty("nnlab.data-dir")).isEqualTo(Path.of(System.getProperty("user.home"), "nnlab-data").toString());
    }
}
