package org.nnlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.datasets.MnistFetcher;

/** {@code fetch-data mnist [--data-dir DIR]}: downloads MNIST into the data directory when it is missing. */
final class FetchDataCommand implements Command {
    @Override
    public String name() {
        return "fetch-data";
    }

    @Override
    public String summary() {
        return "download a dataset (mnist) into the data directory, unless it is there already";
    }

    @Override
    public String usage() {
        return "fetch-data mnist [--data-dir DIR]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.parse(args, Set.of("data-dir"), Set.of());
        if (o.positional().size() != 1 || !o.positional().getFirst().equals("mnist")) {
            throw new UsageException("name the dataset to fetch; the only one is 'mnist'");
        }
        Path dataDir = DataDirectory.resolve(o.get("data-dir", null));
        String[] last = {null};
        MnistFetcher.Result result = new MnistFetcher().fetch(dataDir, p -> {
            if (!p.message().equals(last[0])) {
                last[0] = p.message();
                out.println(p.fraction() < 0 ? p.message()
                        : String.format(Locale.ROOT, "[%3.0f%%] %s", 100 * p.fraction(), p.message()));
            }
        });
        if (result.downloaded()) {
            out.printf(Locale.ROOT, "Fetched MNIST into %s in %.1f s%n", result.directory(),
                    result.took().toMillis() / 1000.0);
        }
        return 0;
    }
}
