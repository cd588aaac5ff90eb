package org.nnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CPU control group (cgroup v1 {@code cpu} controller) for what of a bench stands in for people on their own
 * machines. In a class the instructor's browser would not take the server's cores; here it shares two with it,
 * and a nice value alone does not hold it back: Chromium running as root sets its browser and IO threads to nice
 * -8 itself, above every server thread. In a group of {@code cpu.shares} 1024 (a thread at nice 0 weighs 1024)
 * all its processes together weigh what one server thread at normal priority does. With
 * {@code -Dbench.participantsInCgroup=true} the simulated participants' threads join the group too (they are at
 * nice 10 each otherwise); tried at 128 shares, that starved them so that starting 30 runs took 25 s instead of 3
 * and their own clicks, not the server, made the grid delays.
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
