package org.nnlab.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Runs one command and exits with its status, with nothing but the JDK and our classes on the class
 * path (so a build script can call a command before any dependency is resolved).
 */
public final class Cli {
    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The exit status of the command named by {@code args[0]}. */
    public static int run(String[] args) {
        if (args.length == 0) {
            return Commands.run(Commands.byName("help").orElseThrow(), List.of(), System.out, System.err);
        }
        Command command = Commands.byName(args[0]).orElse(null);
        if (command == null) {
            System.err.println("Unknown command '" + args[0] + "'. Run 'help' to list the commands.");
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return Commands.run(command, rest, System.out, System.err);
    }
}
