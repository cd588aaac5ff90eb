package org.nnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.datasets.MnistFetcher;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;

/** What {@code train} and {@code evaluate} share: finding MNIST in the data directory. */
final class MnistCommands {
    private MnistCommands() {
    }

    /** One split from {@code <data-dir>/datasets/mnist}, or an error that says how to get it. */
    static LabeledImages load(String dataDirOption, Mnist.Split split) throws IOException {
        Path dir = DataDirectory.mnist(DataDirectory.resolve(dataDirOption));
        if (!Mnist.isPresent(dir)) {
            throw new IOException("MNIST is not in " + dir + ". Run 'fetch-data mnist"
                    + (dataDirOption == null ? "" : " --data-dir " + dataDirOption) + "', or: "
                    + MnistFetcher.instructions(dir));
        }
        return Mnist.load(dir, split);
    }
}
