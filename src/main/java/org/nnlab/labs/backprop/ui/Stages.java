package org.nnlab.labs.backprop.ui;

import java.util.List;
import java.util.Set;
import org.nnlab.engine.backprop.BackpropStep;
import org.nnlab.engine.backprop.NeuronTrace;
import org.nnlab.engine.backprop.WeightTrace;
import org.nnlab.engine.backprop.WorkedExample;

/**
 * The steps of one pass through the 2-2-2 network, as the lab shows them: the start, the forward pass
 * neuron by neuron (h1, h2, o1, o2), the error, the output weights w5…w8, the hidden weights w1…w4, and
 * the updated network. Each step has a text key, its formulas filled in with the engine's numbers, and
 * the parts of the diagram to highlight.
 */
final class Stages {
    static final int START = 0;
    static final int ERROR = 5;
    static final int FIRST_OUTPUT_WEIGHT = 6;
    static final int FIRST_HIDDEN_WEIGHT = 10;
    static final int DONE = 14;

    /** One step: its heading key with arguments, formulas (TeX) and what to highlight. */
    record Stage(String key, Object[] args, List<String> formulas, Set<String> highlight) {
    }

    private Stages() {
    }

    /** How many neurons have their out value by step {@code stage}. */
    static int neuronsShown(int stage) {
        return Math.min(Math.max(stage, 0), 4);
    }

    static Stage at(int stage, WorkedExample ex, BackpropStep step) {
        if (stage <= START) {
            return new Stage("labs.backprop.stage.start", new Object[0], List.of(), Set.of());
        }
        if (stage <= 4) {
            return neuron(stage - 1, ex, step);
        }
        if (stage == ERROR) {
            return error(ex, step);
        }
        if (stage < FIRST_HIDDEN_WEIGHT) {
            return outputWeight(step.outputWeights().get(stage - FIRST_OUTPUT_WEIGHT), ex);
        }
        if (stage < DONE) {
            return hiddenWeight(stage - FIRST_HIDDEN_WEIGHT, ex, step);
        }
        return new Stage("labs.backprop.stage.done", new Object[0], List.of(), Set.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"));
    }

    private static Stage neuron(int index, WorkedExample ex, BackpropStep step) {
        boolean hidden = index < 2;
        int n = hidden ? index : index - 2;
        NeuronTrace trace = hidden ? step.hidden().get(n) : step.outputs().get(n);
        String name = trace.name();
        double[] x = hidden ? ex.inputs() : step.hidden().stream().mapToDouble(NeuronTrace::out).toArray();
        double[] w = hidden ? ex.hiddenWeights()[n] : ex.outputWeights()[n];
        double b = hidden ? ex.hiddenBias()[n] : ex.outputBias()[n];
        int firstWeight = (hidden ? 1 : 5) + 2 * n;
        String[] xs = hidden ? new String[] {"i_1", "i_2"} : new String[] {out("h1"), out("h2")};
        String bias = hidden ? "b_1" : "b_2";
        String symbolic = "w_{" + firstWeight + "}\\," + xs[0] + " + w_{" + (firstWeight + 1) + "}\\," + xs[1] + " + " + bias;
        String numeric = num(w[0]) + " \\times " + num(x[0]) + " + " + num(w[1]) + " \\times " + num(x[1]) + " + " + num(b);
        String net = "\\mathrm{net}_{" + sub(name) + "} = " + symbolic + " = " + numeric + " = " + num(trace.net());
        String out = out(name) + " = \\sigma(\\mathrm{net}_{" + sub(name) + "}) = \\frac{1}{1 + e^{-" + paren(trace.net()) + "}} = "
                + num(trace.out());
        return new Stage(hidden ? "labs.backprop.stage.hidden" : "labs.backprop.stage.output", new Object[] {name},
                List.of(net, out), Set.of(name, "w" + firstWeight, "w" + (firstWeight + 1)));
    }

    private static Stage error(WorkedExample ex, BackpropStep step) {
        String e1 = "E_{o1} = \\tfrac12 (t_1 - " + out("o1") + ")^2 = \\tfrac12 (" + num(ex.targets()[0]) + " - "
                + num(step.outputs().get(0).out()) + ")^2 = " + num(step.errors().get(0));
        String e2 = "E_{o2} = \\tfrac12 (t_2 - " + out("o2") + ")^2 = \\tfrac12 (" + num(ex.targets()[1]) + " - "
                + num(step.outputs().get(1).out()) + ")^2 = " + num(step.errors().get(1));
        String total = "E_{\\mathrm{total}} = E_{o1} + E_{o2} = " + num(step.errors().get(0)) + " + "
                + num(step.errors().get(1)) + " = " + num(step.totalError());
        return new Stage("labs.backprop.stage.error", new Object[0], List.of(e1, e2, total), Set.of("o1", "o2"));
    }

    private static Stage outputWeight(WeightTrace t, WorkedExample ex) {
        String w = weight(t);
        String chain = d("E_{\\mathrm{total}}", w) + " = " + d("E_{\\mathrm{total}}", out(t.to())) + " \\cdot "
                + d(out(t.to()), net(t.to())) + " \\cdot " + d(net(t.to()), w);
        String factors = "= (" + out(t.to()) + " - t) \\cdot " + out(t.to()) + "(1 - " + out(t.to()) + ") \\cdot " + out(t.from());
        return new Stage("labs.backprop.stage.outputWeight", new Object[] {t.name(), t.from(), t.to()},
                List.of(chain, factors, product(t), update(t, ex)), Set.of(t.name(), t.to(), t.from()));
    }

    private static Stage hiddenWeight(int index, WorkedExample ex, BackpropStep step) {
        WeightTrace t = step.hiddenWeights().get(index);
        int h = index / 2;
        String hidden = t.to();
        String w1 = "w_{" + (5 + h) + "}";
        String w2 = "w_{" + (7 + h) + "}";
        String sum = d("E_{\\mathrm{total}}", out(hidden)) + " = " + d("E_{o1}", out(hidden)) + " + " + d("E_{o2}", out(hidden))
                + " = \\delta_{o1} " + w1 + " + \\delta_{o2} " + w2;
        String sumNumbers = "= " + num(step.outputDelta(0)) + " \\times " + num(ex.outputWeights()[0][h]) + " + "
                + paren(step.outputDelta(1)) + " \\times " + num(ex.outputWeights()[1][h]) + " = "
                + num(step.hiddenContribution(0, h)) + " + " + paren(step.hiddenContribution(1, h)) + " = " + num(t.dErrorDOut());
        String w = weight(t);
        String chain = d("E_{\\mathrm{total}}", w) + " = " + d("E_{\\mathrm{total}}", out(hidden)) + " \\cdot "
                + d(out(hidden), net(hidden)) + " \\cdot " + d(net(hidden), w);
        return new Stage("labs.backprop.stage.hiddenWeight", new Object[] {t.name(), t.from(), hidden},
                List.of(sum, sumNumbers, chain, product(t), update(t, ex)),
                Set.of(t.name(), hidden, "o1", "o2", "w" + (5 + h), "w" + (7 + h)));
    }

    private static String product(WeightTrace t) {
        return "= " + num(t.dErrorDOut()) + " \\times " + num(t.dOutDNet()) + " \\times " + num(t.dNetDWeight()) + " = "
                + num(t.gradient());
    }

    private static String weight(WeightTrace t) {
        return "w_{" + t.name().substring(1) + "}";
    }

    private static String update(WeightTrace t, WorkedExample ex) {
        String w = weight(t);
        return w + "^{+} = " + w + " - \\eta \\, " + d("E_{\\mathrm{total}}", w) + " = " + num(t.before()) + " - "
                + num(ex.learningRate()) + " \\times " + paren(t.gradient()) + " = " + num(t.after());
    }

    private static String d(String top, String bottom) {
        return "\\frac{\\partial " + top + "}{\\partial " + bottom + "}";
    }

    private static String out(String neuron) {
        return "\\mathrm{out}_{" + sub(neuron) + "}";
    }

    private static String net(String neuron) {
        return "\\mathrm{net}_{" + sub(neuron) + "}";
    }

    private static String sub(String neuron) {
        return neuron;
    }

    private static String num(double v) {
        return Digits.of(v).replace("e", "\\mathrm{e}");
    }

    private static String paren(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
    }
}
