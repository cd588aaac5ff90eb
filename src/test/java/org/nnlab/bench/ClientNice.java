package org.nnlab.bench;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lowers the OS priority (raises the nice value) of the calling thread, once per thread, so that the bench's
 * simulated participants do not take the server's cores the way they could not in a real class: there every
 * participant's browser runs on their own machine, and only their requests reach the server. Threads the
 * caller starts afterwards (an HTTP client's selector and workers) inherit the value (Linux keeps it per
 * thread). {@code -Dbench.clientNice=0} leaves the participants at the bench's own priority.
 * <p>
 * The thread sets its own value with {@code setpriority(2)}: starting a {@code renice} process per thread made
 * the drawing phase begin with 100 process starts at nice 0 (its pool's threads are new), on the two cores the
 * server needs, in the very second the classify probe saw its slowest answers.
 */
final class ClientNice {
    /** The nice value for participant threads ({@code bench.clientNice}, default 10; 0: unchanged). */
    static final int NICE = Integer.getInteger("bench.clientNice", 10);
    private static final ThreadLocal<Boolean> DONE = ThreadLocal.withInitial(() -> false);
    /** {@code int setpriority(int which, id_t who, int prio)} of the C library, or null where there is none. */
    private static final MethodHandle SETPRIORITY = setpriority();
    private static final int PRIO_PROCESS = 0;

    private ClientNice() {
    }

    /** Gives the calling thread the participants' nice value (a no-op after the first call, or off Linux). */
    static void participant() {
        if (NICE == 0 || DONE.get()) {
            return;
        }
        DONE.set(true);
        try {
            // /proc/thread-self -> "<pid>/task/<tid>": setpriority on a thread id changes only that thread
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            String tid = self.substring(self.lastIndexOf('/') + 1);
            if (SETPRIORITY != null && (int) SETPRIORITY.invokeExact(PRIO_PROCESS, Integer.parseInt(tid), NICE) == 0) {
                return;
            }
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            renice.waitFor();
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or no renice: the participants keep the bench's priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            // the call failed: the participants keep the bench's priority
        }
    }

    private static MethodHandle setpriority() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.downcallHandle(linker.defaultLookup().find("setpriority").orElseThrow(), FunctionDescriptor.of(
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        } catch (RuntimeException | Error e) {
            return null;
        }
    }

    /** How the participants run, for the bench's first lines. */
    static String describe() {
        return NICE == 0 ? "participant clients at the bench's own priority"
                : "participant clients at nice " + NICE + " (in a class each is a browser on its own machine; here they"
                        + " share the server's cores, so they yield them to it; -Dbench.clientNice=0 turns this off)";
    }
}
