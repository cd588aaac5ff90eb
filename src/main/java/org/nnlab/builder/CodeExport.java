package org.nnlab.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.nnlab.engine.spec.AvgPool2dSpec;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.LayerKind;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LayerSummary;
import org.nnlab.engine.spec.LeakyReluSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.engine.spec.ZeroPadding2dSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * A layer stack as runnable Python: PyTorch ({@code nn.Sequential}, per-sample shapes as in NN Lab,
 * batch first) and Keras 3 ({@code keras.Sequential}, images channels-last). Every layer gets a comment
 * with its index, kind and output shape; a short main builds the model, runs a random batch of 64 and
 * prints the output shape next to the one NN Lab expects. Each layer kind has one exporter here
 * ({@link #supports}); a kind without one cannot be exported and says so.
 */
public final class CodeExport {
    /** Writes one layer: {@code in} and {@code out} are its per-sample shapes in NN Lab's layout. */
    private interface Exporter {
        void pytorch(LayerSpec spec, Shape in, Shape out, Writer w);

        void keras(LayerSpec spec, Shape in, Shape out, Writer w);
    }

    /** Collects module lines and the helper classes they need. */
    private static final class Writer {
        final List<String> lines = new ArrayList<>();
        final Set<String> helpers = new LinkedHashSet<>();

        void add(String code) {
            lines.add(code);
        }
    }

    private static final String STEP_TORCH = """
            class Step(nn.Module):
                \"\"\"Threshold unit: 1 where x >= 0, else 0 (it has no useful gradient).\"\"\"

                def forward(self, x):
                    return (x >= 0).float()
            """;

    private static final String TOKEN_IDS_TORCH = """
            class TokenIds(nn.Module):
                \"\"\"NN Lab feeds token ids as floats; nn.Embedding wants integers.\"\"\"

                def forward(self, x):
                    return x.long()
            """;

    private static final String RECURRENT_TORCH = """
            class Recurrent(nn.Module):
                \"\"\"Runs a batch-first RNN, LSTM or GRU and keeps every step or only the final state, as NN Lab does.
                A bidirectional layer's final state is the forward direction at the last step followed by the
                backward direction at the first step.\"\"\"

                def __init__(self, rnn, return_sequences):
                    super().__init__()
                    self.rnn = rnn
                    self.return_sequences = return_sequences

                def forward(self, x):
                    out, _ = self.rnn(x)
                    if self.return_sequences:
                        return out
                    if self.rnn.bidirectional:
                        half = out.shape[-1] // 2
                        return torch.cat([out[:, -1, :half], out[:, 0, half:]], dim=-1)
                    return out[:, -1, :]
            """;

    private static final Map<String, Exporter> EXPORTERS = new LinkedHashMap<>();

    static {
        register("dense", (s, in, out, w) -> {
            DenseSpec d = (DenseSpec) s;
            w.add("nn.Linear(" + in.dim(0) + ", " + d.units() + ")" + initNote(d.weightInit(), d.biasInit()));
        }, (s, in, out, w) -> {
            DenseSpec d = (DenseSpec) s;
            w.add("layers.Dense(" + d.units() + kerasInit("kernel_initializer", d.weightInit())
                    + kerasInit("bias_initializer", d.biasInit()) + ")");
        });
        simple("sigmoid", "nn.Sigmoid()", "layers.Activation(\"sigmoid\")");
        simple("tanh", "nn.Tanh()", "layers.Activation(\"tanh\")");
        simple("relu", "nn.ReLU()", "layers.ReLU()");
        register("leaky_relu", (s, in, out, w) -> w.add("nn.LeakyReLU(negative_slope=" + num(((LeakyReluSpec) s).slope()) + ")"),
                (s, in, out, w) -> w.add("layers.LeakyReLU(negative_slope=" + num(((LeakyReluSpec) s).slope()) + ")"));
        simple("linear", "nn.Identity()", "layers.Identity()");
        register("step", (s, in, out, w) -> {
            w.helpers.add(STEP_TORCH);
            w.add("Step()");
        }, (s, in, out, w) -> w.add("layers.Lambda(lambda x: keras.ops.cast(x >= 0, \"float32\"))  # step: 1 where x >= 0, else 0"));
        simple("softmax", "nn.Softmax(dim=-1)", "layers.Softmax()");
        register("dropout", (s, in, out, w) -> w.add("nn.Dropout(p=" + num(((DropoutSpec) s).rate()) + ")"),
                (s, in, out, w) -> w.add("layers.Dropout(" + num(((DropoutSpec) s).rate()) + ")"));
        register("conv2d", CodeExport::convTorch, CodeExport::convKeras);
        register("maxpool2d", (s, in, out, w) -> {
            MaxPool2dSpec p = (MaxPool2dSpec) s;
            w.add("nn.MaxPool2d(kernel_size=" + pair(p.window()) + ", stride=" + pair(p.stride()) + ")");
        }, (s, in, out, w) -> {
            MaxPool2dSpec p = (MaxPool2dSpec) s;
            w.add("layers.MaxPooling2D(pool_size=" + pair(p.window()) + ", strides=" + pair(p.stride()) + ")");
        });
        register("avgpool2d", (s, in, out, w) -> {
            AvgPool2dSpec p = (AvgPool2dSpec) s;
            w.add("nn.AvgPool2d(kernel_size=" + pair(p.window()) + ", stride=" + pair(p.stride()) + ")");
        }, (s, in, out, w) -> {
            AvgPool2dSpec p = (AvgPool2dSpec) s;
            w.add("layers.AveragePooling2D(pool_size=" + pair(p.window()) + ", strides=" + pair(p.stride()) + ")");
        });
        register("zero_padding2d", (s, in, out, w) -> {
            Size2 p = ((ZeroPadding2dSpec) s).padding();
            w.add("nn.ZeroPad2d((" + p.w() + ", " + p.w() + ", " + p.h() + ", " + p.h() + "))");
        }, (s, in, out, w) -> {
            Size2 p = ((ZeroPadding2dSpec) s).padding();
            w.add("layers.ZeroPadding2D(padding=((" + p.h() + ", " + p.h() + "), (" + p.w() + ", " + p.w() + ")))");
        });
        simple("flatten", "nn.Flatten()", "layers.Flatten()  # channels-last: same size, values in (h, w, c) order");
        register("batch_norm", (s, in, out, w) -> {
            BatchNormSpec b = (BatchNormSpec) s;
            w.add("nn.BatchNorm" + (in.rank() == 3 ? "2d" : "1d") + "(" + in.dim(0) + ", eps=" + num(b.epsilon())
                    + ", momentum=" + num(b.momentum()) + ")");
        }, (s, in, out, w) -> {
            BatchNormSpec b = (BatchNormSpec) s;
            w.add("layers.BatchNormalization(momentum=" + num(1 - b.momentum()) + ", epsilon=" + num(b.epsilon())
                    + ")  # Keras keeps momentum of the old value: 1 - NN Lab's " + num(b.momentum()));
        });
        register("conv_pool_block", (s, in, out, w) -> expand((ConvPoolBlockSpec) s, in, w, true),
                (s, in, out, w) -> expand((ConvPoolBlockSpec) s, in, w, false));
        for (String kind : List.of("simple_rnn", "lstm", "gru")) {
            register(kind, (s, in, out, w) -> recurrentTorch((RecurrentSpec) s, in, false, w),
                    (s, in, out, w) -> w.add(recurrentKeras((RecurrentSpec) s) + recurrentNote((RecurrentSpec) s, false, false)));
        }
        register("bidirectional", (s, in, out, w) -> recurrentTorch(((BidirectionalSpec) s).recurrent(), in, true, w),
                (s, in, out, w) -> w.add("layers.Bidirectional(" + recurrentKeras(((BidirectionalSpec) s).recurrent()) + ")"
                        + recurrentNote(((BidirectionalSpec) s).recurrent(), false, true)));
        register("time_dense", (s, in, out, w) -> w.add("nn.Linear(" + in.dim(-1) + ", " + ((TimeDenseSpec) s).units()
                        + ")  # applied to the last axis, the same weights at every step"),
                (s, in, out, w) -> w.add("layers.Dense(" + ((TimeDenseSpec) s).units() + ")  # applied to the last axis"));
        register("embedding", (s, in, out, w) -> {
            EmbeddingSpec e = (EmbeddingSpec) s;
            w.helpers.add(TOKEN_IDS_TORCH);
            w.add("TokenIds()");
            w.add("nn.Embedding(" + e.vocabulary() + ", " + e.dimension() + ")");
        }, (s, in, out, w) -> {
            EmbeddingSpec e = (EmbeddingSpec) s;
            w.add("layers.Embedding(" + e.vocabulary() + ", " + e.dimension() + ")");
        });
    }

    private CodeExport() {
    }

    private static void register(String kind, LayerWriter torch, LayerWriter keras) {
        EXPORTERS.put(kind, new Exporter() {
            @Override
            public void pytorch(LayerSpec spec, Shape in, Shape out, Writer w) {
                torch.write(spec, in, out, w);
            }

            @Override
            public void keras(LayerSpec spec, Shape in, Shape out, Writer w) {
                keras.write(spec, in, out, w);
            }
        });
    }

    private static void simple(String kind, String torch, String keras) {
        register(kind, (s, in, out, w) -> w.add(torch), (s, in, out, w) -> w.add(keras));
    }

    @FunctionalInterface
    private interface LayerWriter {
        void write(LayerSpec spec, Shape in, Shape out, Writer w);
    }

    /** Whether layers of this kind can be exported. */
    public static boolean supports(LayerKind kind) {
        return EXPORTERS.containsKey(kind.name());
    }

    /** The stack as a PyTorch script; the spec must validate (its {@link SpecException} otherwise). */
    public static String pytorch(ModelSpec spec) {
        List<LayerSummary> rows = spec.summary();
        Writer w = new Writer();
        List<String> body = new ArrayList<>();
        for (LayerSummary row : rows) {
            body.add("    # " + row.index() + ": " + row.kind() + " -> " + row.outputShape() + params(row));
            int from = w.lines.size();
            exporter(row.kind()).pytorch(spec.layers().get(row.index()), row.inputShape(), row.outputShape(), w);
            for (String line : w.lines.subList(from, w.lines.size())) {
                body.add(line.startsWith("#") ? "    " + line : "    " + withComma(line));
            }
        }
        StringBuilder py = new StringBuilder();
        py.append(header(spec, rows, "PyTorch"));
        py.append("import torch\nfrom torch import nn\n\n");
        for (String helper : w.helpers) {
            py.append('\n').append(helper).append('\n');
        }
        py.append("\nmodel = nn.Sequential(\n");
        body.forEach(line -> py.append(line).append('\n'));
        py.append(")\n\n");
        py.append("if __name__ == \"__main__\":\n");
        py.append("    x = ").append(torchInput(spec)).append('\n');
        py.append("    y = model(x)\n");
        py.append("    print(tuple(y.shape), \"expected\", ").append(tuple(spec.outputShape().withBatch(64).dims())).append(")\n");
        py.append("    print(sum(p.numel() for p in model.parameters()), \"parameters; NN Lab counts ")
                .append(spec.paramCount()).append("\")\n");
        return py.toString();
    }

    /** The stack as a Keras 3 script (channels-last images); the spec must validate. */
    public static String keras(ModelSpec spec) {
        List<LayerSummary> rows = spec.summary();
        Writer w = new Writer();
        List<String> body = new ArrayList<>();
        body.add("    keras.Input(shape=" + tuple(channelsLast(spec.input()).dims()) + "),");
        for (LayerSummary row : rows) {
            Shape out = row.outputShape();
            String keras = out.rank() == 3 ? ", Keras " + tuple(channelsLast(out).dims()) : "";
            body.add("    # " + row.index() + ": " + row.kind() + " -> " + out + keras + params(row));
            int from = w.lines.size();
            exporter(row.kind()).keras(spec.layers().get(row.index()), row.inputShape(), out, w);
            for (String line : w.lines.subList(from, w.lines.size())) {
                body.add(line.startsWith("#") ? "    " + line : "    " + withComma(line));
            }
        }
        StringBuilder py = new StringBuilder();
        py.append(header(spec, rows, "Keras 3"));
        if (spec.input().rank() == 3 || rows.stream().anyMatch(r -> r.outputShape().rank() == 3)) {
            py.append("# Keras keeps images channels-last: NN Lab's [c, h, w] is (h, w, c) here.\n");
        }
        py.append("import numpy as np\nimport keras\nfrom keras import layers\n\n");
        py.append("model = keras.Sequential([\n");
        body.forEach(line -> py.append(line).append('\n'));
        py.append("])\n\n");
        py.append("if __name__ == \"__main__\":\n");
        py.append("    model.summary()\n");
        py.append("    x = ").append(kerasInput(spec)).append('\n');
        Shape out = channelsLast(spec.outputShape());
        py.append("    print(tuple(model(x).shape), \"expected\", ").append(tuple(out.withBatch(64).dims())).append(")\n");
        return py.toString();
    }

    private static Exporter exporter(String kind) {
        Exporter e = EXPORTERS.get(kind);
        if (e == null) {
            throw new SpecException("layers of kind \"" + kind + "\" cannot be exported as code yet; known: "
                    + String.join(", ", EXPORTERS.keySet()));
        }
        return e;
    }

    private static String header(ModelSpec spec, List<LayerSummary> rows, String framework) {
        return "# " + framework + " version of a network built in NN Lab's layer builder.\n"
                + "# Per sample: input " + spec.input() + ", output " + rows.getLast().outputShape() + "; "
                + String.format(Locale.ROOT, "%,d", spec.paramCount()) + " parameters in NN Lab.\n"
                + "# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).\n";
    }

    private static String params(LayerSummary row) {
        return row.params() > 0 ? ", " + String.format(Locale.ROOT, "%,d", row.params()) + " parameters" : "";
    }

    private static String withComma(String line) {
        int comment = line.indexOf("  #");
        return comment < 0 ? line + "," : line.substring(0, comment) + "," + line.substring(comment);
    }

    private static String torchInput(ModelSpec spec) {
        String dims = Arrays.stream(spec.input().withBatch(64).dims()).mapToObj(String::valueOf).collect(Collectors.joining(", "));
        if (!spec.layers().isEmpty() && spec.layers().getFirst() instanceof EmbeddingSpec e) {
            return "torch.randint(0, " + e.vocabulary() + ", (" + dims + ")).float()  # token ids";
        }
        return "torch.randn(" + dims + ")";
    }

    private static String kerasInput(ModelSpec spec) {
        Shape batch = channelsLast(spec.input()).withBatch(64);
        if (!spec.layers().isEmpty() && spec.layers().getFirst() instanceof EmbeddingSpec e) {
            return "np.random.randint(0, " + e.vocabulary() + ", size=" + tuple(batch.dims()) + ")  # token ids";
        }
        return "np.random.rand(" + Arrays.stream(batch.dims()).mapToObj(String::valueOf).collect(Collectors.joining(", "))
                + ").astype(\"float32\")";
    }

    static Shape channelsLast(Shape s) {
        return s.rank() == 3 ? Shape.of(s.dim(1), s.dim(2), s.dim(0)) : s;
    }

    private static String tuple(int[] dims) {
        return dims.length == 1 ? "(" + dims[0] + ",)"
                : "(" + Arrays.stream(dims).mapToObj(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private static String pair(Size2 s) {
        return "(" + s.h() + ", " + s.w() + ")";
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v) + ".0";
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static void convTorch(LayerSpec s, Shape in, Shape out, Writer w) {
        Conv2dSpec c = (Conv2dSpec) s;
        WindowGeometry g = c.geometry(in);
        int[] pad = padding(c, g);
        String padding;
        if (pad[0] == pad[1] && pad[2] == pad[3]) {
            padding = "(" + pad[0] + ", " + pad[2] + ")";
        } else {
            w.add("nn.ZeroPad2d((" + pad[2] + ", " + pad[3] + ", " + pad[0] + ", " + pad[1] + "))  # \"same\": "
                    + "the extra row/column goes to the bottom/right");
            padding = "(0, 0)";
        }
        w.add("nn.Conv2d(" + g.channels() + ", " + c.filters() + ", kernel_size=" + pair(c.kernel()) + ", stride="
                + pair(c.stride()) + ", padding=" + padding + ")");
    }

    private static void convKeras(LayerSpec s, Shape in, Shape out, Writer w) {
        Conv2dSpec c = (Conv2dSpec) s;
        if (c.same()) {
            w.add("layers.Conv2D(" + c.filters() + ", " + pair(c.kernel()) + ", strides=" + pair(c.stride())
                    + ", padding=\"same\")");
            return;
        }
        if (c.padding().h() > 0 || c.padding().w() > 0) {
            w.add("layers.ZeroPadding2D(padding=((" + c.padding().h() + ", " + c.padding().h() + "), ("
                    + c.padding().w() + ", " + c.padding().w() + ")))");
        }
        w.add("layers.Conv2D(" + c.filters() + ", " + pair(c.kernel()) + ", strides=" + pair(c.stride())
                + ", padding=\"valid\")");
    }

    /** Zero padding of a convolution as {top, bottom, left, right}. */
    private static int[] padding(Conv2dSpec c, WindowGeometry g) {
        if (!c.same()) {
            return new int[] {c.padding().h(), c.padding().h(), c.padding().w(), c.padding().w()};
        }
        int th = Math.max(0, (g.outHeight() - 1) * g.strideH() + g.kernelH() - g.height());
        int tw = Math.max(0, (g.outWidth() - 1) * g.strideW() + g.kernelW() - g.width());
        return new int[] {th / 2, th - th / 2, tw / 2, tw - tw / 2};
    }

    private static void expand(ConvPoolBlockSpec block, Shape in, Writer w, boolean torch) {
        Shape shape = in;
        List<LayerSpec> parts = block.expand();
        for (int i = 0; i < parts.size(); i++) {
            LayerSpec part = parts.get(i);
            Shape next = part.outputShape(shape);
            w.add("# block part " + (i + 1) + "/" + parts.size() + ": " + part.kind() + " -> " + next);
            if (torch) {
                exporter(part.kind()).pytorch(part, shape, next, w);
            } else {
                exporter(part.kind()).keras(part, shape, next, w);
            }
            shape = next;
        }
    }

    private static void recurrentTorch(RecurrentSpec r, Shape in, boolean bidirectional, Writer w) {
        String module = switch (r.kind()) {
            case "lstm" -> "nn.LSTM";
            case "gru" -> "nn.GRU";
            default -> "nn.RNN";
        };
        w.helpers.add(RECURRENT_TORCH);
        w.add("Recurrent(" + module + "(" + in.dim(1) + ", " + r.units() + ", batch_first=True"
                + (bidirectional ? ", bidirectional=True" : "") + "), return_sequences="
                + (r.returnSequences() ? "True" : "False") + ")" + recurrentNote(r, true, bidirectional));
    }

    private static String recurrentKeras(RecurrentSpec r) {
        String layer = switch (r.kind()) {
            case "lstm" -> "layers.LSTM";
            case "gru" -> "layers.GRU";
            default -> "layers.SimpleRNN";
        };
        return layer + "(" + r.units() + ", return_sequences=" + (r.returnSequences() ? "True" : "False") + ")";
    }

    /**
     * Differences the framework's layer has from NN Lab's: PyTorch keeps two bias vectors per gate block
     * (NN Lab one, plus one more block for a GRU's candidate); Keras keeps one, except for a GRU (two).
     */
    private static String recurrentNote(RecurrentSpec r, boolean torch, boolean bidirectional) {
        List<String> notes = new ArrayList<>();
        long gates = (long) r.gates() * r.units();
        long ours = gates + ("gru".equals(r.kind()) ? r.units() : 0);
        long theirs = torch || "gru".equals(r.kind()) ? 2 * gates : gates;
        long extra = (theirs - ours) * (bidirectional ? 2 : 1);
        if (extra > 0) {
            notes.add((torch ? "PyTorch" : "Keras") + " keeps two bias vectors here: " + extra + " more parameters than NN Lab");
        }
        if (r.truncateSteps() > 0) {
            notes.add("NN Lab cuts backpropagation every " + r.truncateSteps() + " steps");
        }
        if (r.gradientClip() > 0) {
            notes.add("NN Lab clips this layer's gradient at " + num(r.gradientClip()));
        }
        return notes.isEmpty() ? "" : "  # " + String.join("; ", notes);
    }

    private static String initNote(Init weights, Init bias) {
        return "  # NN Lab starts weights " + describe(weights) + ", biases " + describe(bias);
    }

    private static String describe(Init init) {
        return switch (init.scheme()) {
            case CONSTANT -> "at " + num(init.scale());
            case FIXED -> "at fixed values";
            default -> init.scheme().name().toLowerCase(Locale.ROOT) + (init.scale() == 1 ? "" : " ×" + num(init.scale()));
        };
    }

    private static String kerasInit(String argument, Init init) {
        String value = switch (init.scheme()) {
            case GLOROT_UNIFORM, GLOROT_NORMAL, HE_UNIFORM, HE_NORMAL -> init.scale() == 1
                    ? "\"" + init.scheme().name().toLowerCase(Locale.ROOT) + "\"" : null;
            case UNIFORM -> "keras.initializers.RandomUniform(" + num(-init.scale()) + ", " + num(init.scale()) + ")";
            case NORMAL -> "keras.initializers.RandomNormal(stddev=" + num(init.scale()) + ")";
            case CONSTANT -> init.scale() == 0 ? "\"zeros\"" : "keras.initializers.Constant(" + num(init.scale()) + ")";
            case FIXED -> null;
        };
        return value == null ? "" : ", " + argument + "=" + value;
    }
}
