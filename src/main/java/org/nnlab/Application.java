package org.nnlab;

import org.nnlab.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts NN Lab. With a command name as first argument (see {@code help}) it runs that command
 * without the web server and exits with its status; with no arguments (or only Spring options such
 * as {@code --server.port=…}) it starts the web app. Started without the Vector API module, it
 * restarts itself with it (see {@link VectorModule}).
 */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        VectorModule.relaunchIfMissing().ifPresent(System::exit);
        if (args.length > 0 && !args[0].startsWith("--")) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(Application.class, args);
    }
}
