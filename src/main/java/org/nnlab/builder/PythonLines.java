package org.nnlab.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LayerSummary;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.tensor.Shape;

/**
 * What the PyTorch and the Keras export share: the indented lines of a {@code Sequential(...)} body,
 * the helper classes they need, the script's header and Python literals.
 */
final class PythonLines {
    private final List<String> body = new ArrayList<>();
    private final Set<String> helpers = new LinkedHashSet<>();

    /** One entry of the body: a module expression; a trailing {@code  # comment} stays after the comma. */
    void add(String code) {
        int comment = code.indexOf("  #");
        body.add("    " + (comment < 0 ? code + "," : code.substring(0, comment) + "," + code.substring(comment)));
    }

    /** A comment line of the body. */
    void comment(String text) {
        body.add("    # " + text);
    }

    /** A class the body uses, written once before the model. */
    void helper(String code) {
        helpers.add(code);
    }

    List<String> body() {
        return body;
    }

    Set<String> helpers() {
        return helpers;
    }

    /** The comment that opens a layer: its index, kind, output shape ({@code extra} after it) and parameters. */
    void layerComment(LayerSummary row, String extra) {
        comment(row.index() + ": " + row.kind() + " -> " + row.outputShape() + extra
                + (row.params() > 0 ? ", " + String.format(Locale.ROOT, "%,d", row.params()) + " parameters" : ""));
    }

    /** A block's parts one after the other, each under a comment, written by {@code layer(part, input)}. */
    void block(ConvPoolBlockSpec block, Shape in, BiConsumer<LayerSpec, Shape> layer) {
        Shape shape = in;
        List<LayerSpec> parts = block.expand();
        for (int i = 0; i < parts.size(); i++) {
            LayerSpec part = parts.get(i);
            Shape next = part.outputShape(shape);
            comment("block part " + (i + 1) + "/" + parts.size() + ": " + part.kind() + " -> " + next);
            layer.accept(part, shape);
            shape = next;
        }
    }

    static String header(ModelSpec spec, List<LayerSummary> rows, String framework) {
        return "# " + framework + " version of a network built in NN Lab's layer builder.\n"
                + "# Per sample: input " + spec.input() + ", output " + rows.getLast().outputShape() + "; "
                + String.format(Locale.ROOT, "%,d", spec.paramCount()) + " parameters in NN Lab.\n"
                + "# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).\n";
    }

    /**
     * What a framework's recurrent layer does unlike NN Lab's: {@code extraBiases} more bias values
     * than NN Lab keeps, truncated backpropagation, gradient clipping; empty when nothing differs.
     */
    static String recurrentNote(RecurrentSpec r, String framework, long extraBiases) {
        List<String> notes = new ArrayList<>();
        if (extraBiases > 0) {
            notes.add(framework + " keeps two bias vectors here: " + extraBiases + " more parameters than NN Lab");
        }
        if (r.truncateSteps() > 0) {
            notes.add("NN Lab cuts backpropagation every " + r.truncateSteps() + " steps");
        }
        if (r.gradientClip() > 0) {
            notes.add("NN Lab clips this layer's gradient at " + num(r.gradientClip()));
        }
        return notes.isEmpty() ? "" : "  # " + String.join("; ", notes);
    }

    static String tuple(int[] dims) {
        return dims.length == 1 ? "(" + dims[0] + ",)" : "(" + list(dims) + ")";
    }

    static String list(int[] dims) {
        return Arrays.stream(dims).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    static String pair(Size2 s) {
        return "(" + s.h() + ", " + s.w() + ")";
    }

    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v) + ".0";
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
