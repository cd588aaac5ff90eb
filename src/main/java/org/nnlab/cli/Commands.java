package org.nnlab.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** The commands {@code Application.main} knows, by name. */
final class Commands {
    private static final List<Command> ALL = List.of(
            new HelpCommand(),
            new ReferenceCheckCommand(),
            new BenchCommand(),
            new FetchDataCommand(),
            new TrainCommand(),
            new EvaluateCommand(),
            new OnnxCommands.Export(),
            new OnnxCommands.Import()
    );

    private Commands() {
    }

    public static List<Command> all() {
        return ALL;
    }

    public static Optional<Command> byName(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Runs a command and turns anything it throws into one line on {@code err} and status 1. */
    public static int run(Command command, List<String> args, PrintStream out, PrintStream err) {
        try {
            return command.run(args, out, err);
        } catch (UsageException e) {
            err.println(command.name() + ": " + e.getMessage());
            err.println("usage: " + command.usage());
            return 2;
        } catch (Exception e) {
            err.println(command.name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }
}
