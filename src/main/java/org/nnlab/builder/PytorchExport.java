package org.nnlab.builder;

import static org.nnlab.builder.PythonLines.bool;
import static org.nnlab.builder.PythonLines.list;
import static org.nnlab.builder.PythonLines.num;
import static org.nnlab.builder.PythonLines.pair;
import static org.nnlab.builder.PythonLines.tuple;

import java.util.List;
import java.util.Locale;
import org.nnlab.engine.spec.AvgPool2dSpec;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LayerSummary;
import org.nnlab.engine.spec.LeakyReluSpec;
import org.nnlab.engine.spec.LinearSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.spec.TanhSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.engine.spec.ZeroPadding2dSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * A layer stack as a runnable PyTorch script: an {@code nn.Sequential} with NN Lab's per-sample shapes,
 * batch first. Every layer gets a comment with its index, kind and output shape; a short main runs a
 * random batch of 64 and prints the output shape next to the one NN Lab expects, and both parameter counts.
 */
public final class PytorchExport {
    private static final String STEP = """
            class Step(nn.Module):
                \"\"\"Threshold unit: 1 where x >= 0, else 0, trained straight through as NN Lab does:
                the forward pass gives the step, the backward pass hands the gradient on unchanged.\"\"\"

                def forward(self, x):
                    return x + ((x >= 0).float() - x).detach()
            """;

    private static final String TOKEN_IDS = """
            class TokenIds(nn.Module):
                \"\"\"NN Lab feeds token ids as floats; nn.Embedding wants integers.\"\"\"

                def forward(self, x):
                    return x.long()
            """;

    private static final String RECURRENT = """
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

    private PytorchExport() {
    }

    /** The stack as a PyTorch script; the spec must validate (its {@link SpecException} otherwise). */
    public static String script(ModelSpec spec) {
        List<LayerSummary> rows = spec.summary();
        PythonLines w = new PythonLines();
        for (LayerSummary row : rows) {
            w.layerComment(row, "");
            layer(spec.layers().get(row.index()), row.inputShape(), w);
        }
        StringBuilder py = new StringBuilder();
        py.append(PythonLines.header(spec, rows, "PyTorch"));
        py.append("import torch\nfrom torch import nn\n\n");
        for (String helper : w.helpers()) {
            py.append('\n').append(helper).append('\n');
        }
        py.append("\nmodel = nn.Sequential(\n");
        w.body().forEach(line -> py.append(line).append('\n'));
        py.append(")\n\n");
        py.append("if __name__ == \"__main__\":\n");
        py.append("    x = ").append(input(spec)).append('\n');
        py.append("    y = model(x)\n");
        py.append("    print(tuple(y.shape), \"expected\", ").append(tuple(spec.outputShape().withBatch(64).dims())).append(")\n");
        py.append("    print(sum(p.numel() for p in model.parameters()), \"parameters; NN Lab counts ")
                .append(spec.paramCount()).append("\")\n");
        return py.toString();
    }

    /** The modules of one layer whose per-sample input is {@code in}. */
    private static void layer(LayerSpec spec, Shape in, PythonLines w) {
        switch (spec) {
            case DenseSpec d -> w.add("nn.Linear(" + in.dim(0) + ", " + d.units() + ")" + initNote(d.weightInit(), d.biasInit()));
            case SigmoidSpec _ -> w.add("nn.Sigmoid()");
            case TanhSpec _ -> w.add("nn.Tanh()");
            case ReluSpec _ -> w.add("nn.ReLU()");
            case LeakyReluSpec l -> w.add("nn.LeakyReLU(negative_slope=" + num(l.slope()) + ")");
            case LinearSpec _ -> w.add("nn.Identity()");
            case StepSpec _ -> {
                w.helper(STEP);
                w.add("Step()");
            }
            case SoftmaxSpec _ -> w.add("nn.Softmax(dim=-1)");
            case DropoutSpec d -> w.add("nn.Dropout(p=" + num(d.rate()) + ")");
            case Conv2dSpec c -> conv(c, in, w);
            case MaxPool2dSpec p -> w.add("nn.MaxPool2d(kernel_size=" + pair(p.window()) + ", stride=" + pair(p.stride()) + ")");
            case AvgPool2dSpec p -> w.add("nn.AvgPool2d(kernel_size=" + pair(p.window()) + ", stride=" + pair(p.stride()) + ")");
            case ZeroPadding2dSpec z -> w.add("nn.ZeroPad2d((" + z.padding().w() + ", " + z.padding().w() + ", "
                    + z.padding().h() + ", " + z.padding().h() + "))");
            case FlattenSpec _ -> w.add("nn.Flatten()");
            case BatchNormSpec b -> w.add("nn.BatchNorm" + (in.rank() == 3 ? "2d" : "1d") + "(" + in.dim(0) + ", eps="
                    + num(b.epsilon()) + ", momentum=" + num(b.momentum()) + ")");
            case ConvPoolBlockSpec b -> w.block(b, in, (part, shape) -> layer(part, shape, w));
            case RecurrentSpec r -> recurrent(r, in, false, w);
            case BidirectionalSpec b -> recurrent(b.recurrent(), in, true, w);
            case TimeDenseSpec t -> w.add("nn.Linear(" + in.dim(-1) + ", " + t.units()
                    + ")  # applied to the last axis, the same weights at every step");
            case EmbeddingSpec e -> {
                w.helper(TOKEN_IDS);
                w.add("TokenIds()");
                w.add("nn.Embedding(" + e.vocabulary() + ", " + e.dimension() + ")");
            }
        }
    }

    private static String input(ModelSpec spec) {
        String dims = list(spec.input().withBatch(64).dims());
        if (!spec.layers().isEmpty() && spec.layers().getFirst() instanceof EmbeddingSpec e) {
            return "torch.randint(0, " + e.vocabulary() + ", (" + dims + ")).float()  # token ids";
        }
        return "torch.randn(" + dims + ")";
    }

    private static void conv(Conv2dSpec c, Shape in, PythonLines w) {
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

    /** Zero padding of a convolution as {top, bottom, left, right}. */
    private static int[] padding(Conv2dSpec c, WindowGeometry g) {
        if (!c.same()) {
            return new int[] {c.padding().h(), c.padding().h(), c.padding().w(), c.padding().w()};
        }
        int th = Math.max(0, (g.outHeight() - 1) * g.strideH() + g.kernelH() - g.height());
        int tw = Math.max(0, (g.outWidth() - 1) * g.strideW() + g.kernelW() - g.width());
        return new int[] {th / 2, th - th / 2, tw / 2, tw - tw / 2};
    }

    /** PyTorch keeps two bias vectors per gate block where NN Lab keeps {@link RecurrentSpec#biasCount()}. */
    private static void recurrent(RecurrentSpec r, Shape in, boolean bidirectional, PythonLines w) {
        String module = switch (r) {
            case SimpleRnnSpec _ -> "nn.RNN";
            case LstmSpec _ -> "nn.LSTM";
            case GruSpec _ -> "nn.GRU";
        };
        long extra = (2L * r.gates() * r.units() - r.biasCount()) * (bidirectional ? 2 : 1);
        w.helper(RECURRENT);
        w.add("Recurrent(" + module + "(" + in.dim(1) + ", " + r.units() + ", batch_first=True"
                + (bidirectional ? ", bidirectional=True" : "") + "), return_sequences=" + bool(r.returnSequences())
                + ")" + PythonLines.recurrentNote(r, "PyTorch", extra));
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
}
