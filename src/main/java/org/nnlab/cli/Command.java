package org.nnlab.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command run from the command line ({@code java -jar nnlab.jar NAME ARGS…}) without starting the
 * web server. It prints to {@code out} and {@code err} and returns the process exit status.
 */
interface Command {
    String name();

    /** One line for {@code help}. */
    String summary();

    /** The usage line(s), shown by {@code help NAME} and on bad arguments. */
    String usage();

    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
