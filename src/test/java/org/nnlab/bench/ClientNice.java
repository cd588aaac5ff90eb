package org.nnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lowers the OS priority (raises the nice value) of the calling thread, once per thread, so that the bench's
 * simulated participants do not take the server's cores the way they could not in a real class: there every
 * participant's browser runs on their own machine, and only their requests reach the server. Threads the
 * caller starts afterwards (an HTTP client's selector and workers) inherit the value (Linux keeps it per
 * thread). {@code -Dbench.clientNice=0} leaves the participants at the bench's own priority.
 */
final class ClientNice {
    /** The nice value for participant threads ({@code bench.clientNice}, default 10; 0: unchanged). */
    static final int NICE = Integer.getInteger("bench.clientNice", 10);
    private static final ThreadLocal<Boolean> DONE = ThreadLocal.withInitial(() -> false);

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
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            renice.waitFor();
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or no renice: the participants keep the bench's priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How the participants run, for the bench's first lines. */
    static String describe() {
        return NICE == 0 ? "participant clients at the bench's own priority"
                : "participant clients at nice " + NICE + " (in a class each is a browser on its own machine; here they"
                        + " share the server's cores, so they yield them to it; -Dbench.clientNice=0 turns this off)";
    }
}
