package org.nnlab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every way the server is started passes the same thread-priority and collector options as the jar's own
 * relaunch ({@link VectorModule#PRIORITY_OPTIONS}, {@link VectorModule#COLLECTOR_OPTIONS}): training at nice 15,
 * the JIT's compilers at nice 5, so that requests get a core first, and ZGC, so that they do not wait out long
 * collector pauses. A deployment missing one serves classify requests behind training, compilation or the collector.
 */
class DeployedJvmOptionsTest {
    @Test
    void dockerfileComposeAndSpringBootRunPassTheRelaunchsOptions() throws IOException {
        List<String> options = new ArrayList<>(VectorModule.PRIORITY_OPTIONS);
        options.addAll(VectorModule.COLLECTOR_OPTIONS);
        for (String file : new String[] {"Dockerfile", "deploy/compose.yaml", "pom.xml"}) {
            String text = Files.readString(Path.of(file));
            for (String option : options) {
                assertTrue(text.contains(option), file + " does not pass " + option);
            }
        }
    }

    @Test
    void compilerThreadsRunBelowRequestsAndAboveTraining() {
        assertTrue(VectorModule.PRIORITY_OPTIONS.contains("-XX:CompilerThreadPriority=5"), VectorModule.PRIORITY_OPTIONS.toString());
        assertTrue(VectorModule.PRIORITY_OPTIONS.contains("-XX:ThreadPriorityPolicy=1"), "without it the JVM sets no OS priority");
        assertTrue(VectorModule.COLLECTOR_OPTIONS.contains("-XX:+UseZGC"), VectorModule.COLLECTOR_OPTIONS.toString());
    }
}
