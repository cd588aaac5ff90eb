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
import org.nnlab.engine.spec.ZeroPadding2dSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * A layer stack as a runnable Keras 3 script: a {@code keras.Sequential} with images channels-last.
 * Every layer gets a comment with its index, kind and output shape (NN Lab's layout, and Keras' for
 * images); a short main prints the summary and runs a random batch of 64 against the expected output shape.
 */
public final class KerasExport {
    private KerasExport() {
    }

    /** The stack as a Keras 3 script; the spec must validate (its {@link SpecException} otherwise). */
    public static String script(ModelSpec spec) {
        List<LayerSummary> rows = spec.summary();
        PythonLines w = new PythonLines();
        w.add("keras.Input(shape=" + tuple(channelsLast(spec.input()).dims()) + ")");
        for (LayerSummary row : rows) {
            Shape out = row.outputShape();
            w.layerComment(row, out.rank() == 3 ? ", Keras " + tuple(channelsLast(out).dims()) : "");
            layer(spec.layers().get(row.index()), row.inputShape(), w);
        }
        StringBuilder py = new StringBuilder();
        py.append(PythonLines.header(spec, rows, "Keras 3"));
        if (spec.input().rank() == 3 || rows.stream().anyMatch(r -> r.outputShape().rank() == 3)) {
            py.append("# Keras keeps images channels-last: NN Lab's [c, h, w] is (h, w, c) here.\n");
        }
        py.append("import numpy as np\nimport keras\nfrom keras import layers\n\n");
        py.append("model = keras.Sequential([\n");
        w.body().forEach(line -> py.append(line).append('\n'));
        py.append("])\n\n");
        py.append("if __name__ == \"__main__\":\n");
        py.append("    model.summary()\n");
        py.append("    x = ").append(input(spec)).append('\n');
        Shape out = channelsLast(spec.outputShape());
        py.append("    print(tuple(model(x).shape), \"expected\", ").append(tuple(out.withBatch(64).dims())).append(")\n");
        return py.toString();
    }

    /** The layers standing for one NN Lab layer whose per-sample input is {@code in}. */
    private static void layer(LayerSpec spec, Shape in, PythonLines w) {
        switch (spec) {
            case DenseSpec d -> w.add("layers.Dense(" + d.units() + init("kernel_initializer", d.weightInit())
                    + init("bias_initializer", d.biasInit()) + ")");
            case SigmoidSpec _ -> w.add("layers.Activation(\"sigmoid\")");
            case TanhSpec _ -> w.add("layers.Activation(\"tanh\")");
            case ReluSpec _ -> w.add("layers.ReLU()");
            case LeakyReluSpec l -> w.add("layers.LeakyReLU(negative_slope=" + num(l.slope()) + ")");
            case LinearSpec _ -> w.add("layers.Identity()");
            case StepSpec _ -> w.add("layers.Lambda(lambda x: x + keras.ops.stop_gradient(keras.ops.cast(x >= 0, \"float32\") - x))"
                    + "  # step: 1 where x >= 0, else 0; trained straight through as in NN Lab");
            case SoftmaxSpec _ -> w.add("layers.Softmax()");
            case DropoutSpec d -> w.add("layers.Dropout(" + num(d.rate()) + ")");
            case Conv2dSpec c -> conv(c, w);
            case MaxPool2dSpec p -> w.add("layers.MaxPooling2D(pool_size=" + pair(p.window()) + ", strides=" + pair(p.stride()) + ")");
            case AvgPool2dSpec p -> w.add("layers.AveragePooling2D(pool_size=" + pair(p.window()) + ", strides="
                    + pair(p.stride()) + ")");
            case ZeroPadding2dSpec z -> w.add("layers.ZeroPadding2D(padding=((" + z.padding().h() + ", " + z.padding().h()
                    + "), (" + z.padding().w() + ", " + z.padding().w() + ")))");
            case FlattenSpec _ -> w.add("layers.Flatten()  # channels-last: same size, values in (h, w, c) order");
            case BatchNormSpec b -> w.add("layers.BatchNormalization(momentum=" + num(1 - b.momentum()) + ", epsilon="
                    + num(b.epsilon()) + ")  # Keras keeps momentum of the old value: 1 - NN Lab's " + num(b.momentum()));
            case ConvPoolBlockSpec b -> w.block(b, in, (part, shape) -> layer(part, shape, w));
            case RecurrentSpec r -> w.add(recurrent(r) + note(r, false));
            case BidirectionalSpec b -> w.add("layers.Bidirectional(" + recurrent(b.recurrent()) + ")" + note(b.recurrent(), true));
            case TimeDenseSpec t -> w.add("layers.Dense(" + t.units() + ")  # applied to the last axis");
            case EmbeddingSpec e -> w.add("layers.Embedding(" + e.vocabulary() + ", " + e.dimension() + ")");
        }
    }

    private static String input(ModelSpec spec) {
        Shape batch = channelsLast(spec.input()).withBatch(64);
        if (!spec.layers().isEmpty() && spec.layers().getFirst() instanceof EmbeddingSpec e) {
            return "np.random.randint(0, " + e.vocabulary() + ", size=" + tuple(batch.dims()) + ")  # token ids";
        }
        return "np.random.rand(" + list(batch.dims()) + ").astype(\"float32\")";
    }

    private static Shape channelsLast(Shape s) {
        return s.rank() == 3 ? Shape.of(s.dim(1), s.dim(2), s.dim(0)) : s;
    }

    private static void conv(Conv2dSpec c, PythonLines w) {
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

    private static String recurrent(RecurrentSpec r) {
        String layer = switch (r) {
            case SimpleRnnSpec _ -> "layers.SimpleRNN";
            case LstmSpec _ -> "layers.LSTM";
            case GruSpec _ -> "layers.GRU";
        };
        return layer + "(" + r.units() + ", return_sequences=" + bool(r.returnSequences()) + ")";
    }

    /** Keras keeps one bias vector per gate block, a GRU two (its default {@code reset_after}). */
    private static String note(RecurrentSpec r, boolean bidirectional) {
        long perGate = (long) r.gates() * r.units();
        long theirs = switch (r) {
            case GruSpec _ -> 2 * perGate;
            case SimpleRnnSpec _, LstmSpec _ -> perGate;
        };
        return PythonLines.recurrentNote(r, "Keras", (theirs - r.biasCount()) * (bidirectional ? 2 : 1));
    }

    private static String init(String argument, Init init) {
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
