package org.nnlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Sequential;
import org.nnlab.onnx.OnnxModel;

/** {@code export-onnx} and {@code import-onnx}: a model file to ONNX and back. */
final class OnnxCommands {
    /** The largest ONNX file {@code import-onnx} reads. */
    static final int MAX_IMPORT_BYTES = 512 * 1024 * 1024;
    /** The largest training record beside a model file ({@code NAME.json}) copied into the ONNX metadata. */
    static final int MAX_RECORD_BYTES = 64 * 1024;

    private OnnxCommands() {
    }

    /** {@code export-onnx --model FILE --out FILE.onnx}. */
    static final class Export implements Command {
        @Override
        public String name() {
            return "export-onnx";
        }

        @Override
        public String summary() {
            return "write a saved model as an ONNX file (input \"input\" [batch, ...], output \"output\")";
        }

        @Override
        public String usage() {
            return "export-onnx --model FILE --out FILE.onnx";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
            Options o = Options.parse(args, Set.of("model", "out"), Set.of());
            Path file = Path.of(o.require("model"));
            Path target = Path.of(o.require("out"));
            ModelFile.Contents contents = ModelFile.contentsOf(Files.readAllBytes(file), ModelFileLimits.LENGTH_ONLY);
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put(OnnxModel.MODEL_NAME, baseName(file));
            if (contents.pretraining().isPretrained()) {
                metadata.put("nnlab.pretraining", contents.pretraining().toJson());
            }
            Path record = file.resolveSibling(baseName(file) + ".json");
            if (Files.isRegularFile(record) && Files.size(record) <= MAX_RECORD_BYTES) {
                metadata.put("nnlab.training", Files.readString(record));
            }
            byte[] onnx = OnnxModel.toBytes(contents.model(), metadata);
            Files.write(target, onnx);
            out.printf(Locale.ROOT, "Wrote %s: ONNX opset %d, %,d bytes; input \"%s\" [batch, %s], output \"%s\" [batch, %s]%n",
                    target, OnnxModel.OPSET, onnx.length, OnnxModel.INPUT, dims(contents.model().spec().input().dims()),
                    OnnxModel.OUTPUT, dims(contents.model().spec().outputShape().dims()));
            return 0;
        }
    }

    /** {@code import-onnx --onnx FILE.onnx --out FILE.nnm}. */
    static final class Import implements Command {
        @Override
        public String name() {
            return "import-onnx";
        }

        @Override
        public String summary() {
            return "turn an ONNX file whose operators map onto our layers into a model file";
        }

        @Override
        public String usage() {
            return "import-onnx --onnx FILE.onnx --out FILE.nnm";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
            Options o = Options.parse(args, Set.of("onnx", "out"), Set.of());
            Path file = Path.of(o.require("onnx"));
            Path target = Path.of(o.require("out"));
            Sequential model = OnnxModel.fromBytes(readBounded(file), ModelFileLimits.LENGTH_ONLY);
            ModelFile.write(model, target);
            out.printf(Locale.ROOT, "Wrote %s: %d layers (%s), %,d parameters%n", target, model.spec().layers().size(),
                    String.join(", ", model.spec().layers().stream().map(l -> l.kind()).toList()),
                    model.spec().paramCount());
            return 0;
        }

        private static byte[] readBounded(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_IMPORT_BYTES);
                if (bytes.length == MAX_IMPORT_BYTES && in.read() != -1) {
                    throw new IOException(file + " is larger than " + MAX_IMPORT_BYTES + " bytes");
                }
                return bytes;
            }
        }
    }

    private static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    private static String dims(int[] dims) {
        return String.join(", ", Arrays.stream(dims).mapToObj(String::valueOf).toList());
    }
}
