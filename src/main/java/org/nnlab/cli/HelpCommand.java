package org.nnlab.cli;

import java.io.PrintStream;
import java.util.List;

/** Lists the commands, or shows one command's usage. */
final class HelpCommand implements Command {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "list the commands, or show how to use one";
    }

    @Override
    public String usage() {
        return "help [COMMAND]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (!args.isEmpty()) {
            Command c = Commands.byName(args.getFirst())
                    .orElseThrow(() -> new UsageException("no command named '" + args.getFirst() + "'"));
            out.println(c.name() + ": " + c.summary());
            out.println("usage: java -jar nnlab.jar " + c.usage());
            return 0;
        }
        out.println("NN Lab. Without arguments the web app starts (http://localhost:8080).");
        out.println("Commands (java -jar nnlab.jar COMMAND [ARGS]):");
        for (Command c : Commands.all()) {
            out.printf("  %-16s %s%n", c.name(), c.summary());
        }
        return 0;
    }
}
