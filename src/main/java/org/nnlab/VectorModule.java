package org.nnlab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's matrix kernels use the JDK's Vector API, which lives in the incubator module
 * {@code jdk.incubator.vector} and must be added when the JVM starts. When someone runs
 * {@code java -jar nnlab.jar …} without {@code --add-modules jdk.incubator.vector}, this starts the
 * same command again with it (once; the child inherits the terminal) and returns the child's status.
 * The relaunch also adds {@link #PRIORITY_OPTIONS} and {@link #COLLECTOR_OPTIONS}, as {@code mvn spring-boot:run}
 * and the Dockerfile do.
 */
final class VectorModule {
    private static final String MODULE = "jdk.incubator.vector";
    private static final String RELAUNCHED = "nnlab.relaunched";
    /**
     * Training workers run at Java priority 4 (see SliceScheduler); these options make the JVM pass thread
     * priorities to Linux and give priority 4 nice 15, so requests (classify, pages, pushes) are served before
     * training slices when both wait for a core. The JIT's compiler threads would otherwise run at nice -4 (the
     * JVM's own high priority), above classify requests, while a fresh server compiles its pages' code: nice 5
     * lets requests go first and still beats training. Lowering one's own priority needs no privilege.
     */
    static final List<String> PRIORITY_OPTIONS =
            List.of("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority4_To_OSPriority=15", "-XX:CompilerThreadPriority=5");
    /**
     * ZGC (generational): its pauses stay under a few milliseconds whatever the heap holds. With G1 a class's 30
     * runs filling their buffers made young and mixed collections of 150-500 ms, and every request waited them out
     * (the workshop bench's classify p99 0.2-0.5 s with G1, 0.13-0.17 s with ZGC).
     */
    static final List<String> COLLECTOR_OPTIONS = List.of("-XX:+UseZGC");

    private VectorModule() {
    }

    static boolean present() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** The exit status of the relaunched process, or empty when the module is present (or relaunch impossible). */
    static Optional<Integer> relaunchIfMissing() {
        if (present() || Boolean.getBoolean(RELAUNCHED)) {
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(info.command().get());
        command.add("--add-modules=" + MODULE);
        command.add("-D" + RELAUNCHED + "=true");
        command.addAll(PRIORITY_OPTIONS);
        command.addAll(COLLECTOR_OPTIONS);
        command.addAll(List.of(info.arguments().get()));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return Optional.of(child.waitFor());
        } catch (java.io.IOException e) {
            System.err.println("Could not restart with --add-modules " + MODULE + " (" + e.getMessage()
                    + "); run java --add-modules " + MODULE + " -jar nnlab.jar …");
            return Optional.of(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }
}
