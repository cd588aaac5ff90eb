package org.nnlab.labs.perceptron.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.nnlab.engine.perceptron.PerceptronResult;
import org.nnlab.engine.perceptron.PerceptronUpdate;
import org.nnlab.labs.ui.NnMath;

/**
 * What the last step of learning did, with its numbers: the sample, target and output, then the rule
 * filled in for the weights and the bias; or, after a run to the end, the mistakes of every epoch.
 */
final class UpdateLog extends Div {
    private final Paragraph what = new Paragraph();
    private final NnMath weightRule = new NnMath("", true);
    private final NnMath biasRule = new NnMath("", true);

    UpdateLog() {
        setId("perceptron-log");
        addClassName("nnlab-perceptron-log");
        add(what, weightRule, biasRule);
        clear();
    }

    void clear() {
        what.setText(getTranslation("labs.perceptron.log.empty"));
        weightRule.setVisible(false);
        biasRule.setVisible(false);
    }

    void show(PerceptronUpdate u, int epoch, int sample) {
        String x = Numbers.vector(u.input());
        what.setText(getTranslation(u.changed() ? "labs.perceptron.log.changed" : "labs.perceptron.log.same",
                epoch, sample, x, u.target(), u.output()));
        String eta = Numbers.of(u.learningRate());
        String err = "(" + u.target() + " - " + u.output() + ")";
        String w = u.input().length == 1 ? "w_1" : "\\mathbf{w}";
        weightRule.setTex(tex(w + " \\leftarrow " + Numbers.vector(u.weightsBefore()) + " + " + eta + "\\cdot" + err
                + "\\cdot" + x + " = " + Numbers.vector(u.weightsAfter())));
        biasRule.setTex(tex("b \\leftarrow " + Numbers.of(u.biasBefore()) + " + " + eta + "\\cdot" + err + " = "
                + Numbers.of(u.biasAfter())));
        weightRule.setVisible(true);
        biasRule.setVisible(true);
    }

    void showRun(PerceptronResult result) {
        var mistakes = result.mistakesPerEpoch().stream().map(String::valueOf).toList();
        String list = mistakes.size() <= 16 ? String.join(" ", mistakes)
                : String.join(" ", mistakes.subList(0, 12)) + " … " + String.join(" ", mistakes.subList(mistakes.size() - 3, mistakes.size()));
        what.setText(getTranslation("labs.perceptron.log.run", result.epochs(), list));
        weightRule.setVisible(false);
        biasRule.setVisible(false);
    }

    private static String tex(String text) {
        return text.replace('−', '-');
    }
}
