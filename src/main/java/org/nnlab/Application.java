package org.nnlab;

import java.util.Arrays;
import java.util.List;
import org.nnlab.cli.Command;
import org.nnlab.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts NN Lab. With a command name as first argument (see {@code help}) it runs that command
 * without the web server and exits with its status; with no arguments (or only Spring options such
 * as {@code --server.port=…}) it starts the web app.
 */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("--")) {
            Command command = Commands.byName(args[0]).orElse(null);
            if (command == null) {
                System.err.println("Unknown command '" + args[0] + "'. Run 'help' to list the commands.");
                System.exit(2);
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            System.exit(Commands.run(command, rest, System.out, System.err));
        }
        SpringApplication.run(Application.class, args);
    }
}
