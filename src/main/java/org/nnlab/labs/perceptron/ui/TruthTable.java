package org.nnlab.labs.perceptron.ui;

import org.nnlab.engine.perceptron.Perceptron;

/** The truth table of a gate with the perceptron's net value and output for each row, as HTML. */
final class TruthTable {
    private TruthTable() {
    }

    static String html(Perceptron p, float[][] xs, int[] targets, int highlight, String right, String wrong) {
        boolean two = xs[0].length > 1;
        StringBuilder s = new StringBuilder("<table class='nnlab-truth'><thead><tr><th>x₁</th>");
        if (two) {
            s.append("<th>x₂</th>");
        }
        s.append("<th>t</th><th>w·x + b</th><th>y</th><th></th></tr></thead><tbody>");
        for (int i = 0; i < xs.length; i++) {
            int y = p.predict(xs[i]);
            boolean ok = y == targets[i];
            s.append("<tr class='").append(ok ? "right" : "wrong").append(i == highlight ? " current" : "").append("'>");
            s.append("<td>").append(Numbers.of(xs[i][0])).append("</td>");
            if (two) {
                s.append("<td>").append(Numbers.of(xs[i][1])).append("</td>");
            }
            s.append("<td>").append(targets[i]).append("</td><td>").append(Numbers.of(p.net(xs[i])))
                    .append("</td><td>").append(y).append("</td><td>").append(ok ? "✓ " + right : "✗ " + wrong)
                    .append("</td></tr>");
        }
        return s.append("</tbody></table>").toString();
    }
}
