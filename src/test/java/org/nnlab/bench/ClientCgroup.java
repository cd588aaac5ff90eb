package org.nnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CPU control group (cgroup v1 {@code cpu} controller) of low weight for everything of a bench that stands in
 * for people on their own machines: the browser and the simulated participants' threads. In a class they would
 * not take the server's cores; here they share two with it, and a nice value alone does not hold them back:
 * Chromium running as root sets its browser and IO threads to nice -8 itself, above the server, and a hundred
 * participant threads at nice 10 outweigh the server's few when they all wake at once. In a group of
 * {@code cpu.shares} 128 (a thread at nice 0 weighs 1024) all of them together weigh less than one server thread.
 * <p>
 * Needs a writable {@code /sys/fs/cgroup/cpu} (root, cgroup v1); elsewhere {@link #create} returns a group that
 * does nothing and says so in {@link #describe}. {@code -Dbench.clientShares=0} turns it off.
 */
final class ClientCgroup implements AutoCloseable {
    static final int SHARES = Integer.getInteger("bench.clientShares", 1024);
    /** Whether the participants' threads join the group too ({@code bench.participantsInCgroup}), or only the browser. */
    static final boolean PARTICIPANTS = Boolean.getBoolean("bench.participantsInCgroup");
    private static final Path CPU = Path.of("/sys/fs/cgroup/cpu");
    /** The group participants' threads join ({@link ClientNice#participant}), or null. */
    private static volatile ClientCgroup active;
    private final Path dir;
    private final String why;

    private ClientCgroup(Path dir, String why) {
        this.dir = dir;
        this.why = why;
    }

    /** Makes a new group and makes it the one participants' threads join. */
    static ClientCgroup create() {
        if (SHARES <= 0) {
            return new ClientCgroup(null, "off (-Dbench.clientShares=0)");
        }
        Path dir = CPU.resolve("nnlab-bench-clients-" + ProcessHandle.current().pid());
        try {
            Files.createDirectory(dir);
            Files.writeString(dir.resolve("cpu.shares"), Integer.toString(SHARES));
            ClientCgroup group = new ClientCgroup(dir, null);
            active = group;
            return group;
        } catch (IOException | UnsupportedOperationException e) {
            return new ClientCgroup(null, "not available here (" + e.getMessage() + ")");
        }
    }

    /** The command that runs {@code command} inside this group (through {@code sh}), or {@code command} itself. */
    List<String> wrap(List<String> command) {
        if (dir == null) {
            return command;
        }
        List<String> wrapped = new java.util.ArrayList<>(List.of("sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
                dir.resolve("cgroup.procs").toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Moves the calling thread (and the threads it starts afterwards) into the active group, if there is one. */
    static void joinCurrentThread(String tid) {
        ClientCgroup group = active;
        if (PARTICIPANTS && group != null && group.dir != null) {
            try {
                Files.writeString(group.dir.resolve("tasks"), tid);
            } catch (IOException e) {
                // the group is gone (the bench is ending): the thread stays where it is
            }
        }
    }

    String describe() {
        return dir == null ? "client cgroup " + why
                : (PARTICIPANTS ? "browser and participant threads" : "browser (all its processes)") + " in cgroup " + dir
                        + " with cpu.shares " + SHARES + " (a nice-0 thread weighs 1024; -Dbench.clientShares,"
                        + " -Dbench.participantsInCgroup)";
    }

    /** Moves whatever is still in the group back to the root group and removes the group. */
    @Override
    public void close() {
        if (dir == null) {
            return;
        }
        if (active == this) {
            active = null;
        }
        try {
            for (String tid : Files.readAllLines(dir.resolve("tasks"))) {
                try {
                    Files.writeString(CPU.resolve("tasks"), tid);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
            Files.delete(dir);
        } catch (IOException e) {
            System.out.println("crowd: cgroup " + dir + " not removed: " + e.getMessage());
        }
    }
}
