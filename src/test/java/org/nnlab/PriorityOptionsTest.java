package org.nnlab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every way the server is started passes the same thread-priority options as the jar's own relaunch
 * ({@link VectorModule#PRIORITY_OPTIONS}): training at nice 15, the JIT's compilers at nice 5, so that requests
 * get a core first. A deployment missing one serves classify requests behind training or compilation.
 */
class PriorityOptionsTest {
    @Test
    void dockerfileComposeAndSpringBootRunPassTheRelaunchsPriorityOptions() throws IOException {
        for (String file : new String[] {"Dockerfile", "deploy/compose.yaml", "pom.xml"}) {
            String text = Files.readString(Path.of(file));
            for (String option : VectorModule.PRIORITY_OPTIONS) {
                assertTrue(text.contains(option), file + " does not pass " + option);
            }
        }
    }

    @Test
    void compilerThreadsRunBelowRequestsAndAboveTraining() {
        assertTrue(VectorModule.PRIORITY_OPTIONS.contains("-XX:CompilerThreadPriority=5"), VectorModule.PRIORITY_OPTIONS.toString());
        assertTrue(VectorModule.PRIORITY_OPTIONS.contains("-XX:ThreadPriorityPolicy=1"), "without it the JVM sets no OS priority");
    }
}
