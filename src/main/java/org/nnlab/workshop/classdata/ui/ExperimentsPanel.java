package org.nnlab.workshop.classdata.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.nnlab.workshop.classdata.Experiment;

/**
 * The room's experiment results as everyone sees them: per experiment its state and, per test set, the
 * accuracy with the count behind it and the confusion matrix (true digit by row, the network's answer by
 * column; the diagonal is right).
 */
class ExperimentsPanel extends Div {
    ExperimentsPanel() {
        setId("class-experiments");
        addClassName("nnlab-class-experiments");
    }

    void show(List<Experiment> experiments) {
        removeAll();
        add(new H3(getTranslation("classdata.experiments.title")));
        if (experiments.isEmpty()) {
            add(new Paragraph(getTranslation("classdata.experiments.none")));
        }
        for (Experiment e : experiments) {
            Div box = new Div(new H4(getTranslation("classdata.experiment." + e.kind().name())));
            box.addClassName("nnlab-class-experiment");
            box.setId("experiment-" + e.kind().name().toLowerCase(Locale.ROOT));
            switch (e.state()) {
                case RUNNING -> box.add(new Paragraph(getTranslation("classdata.experiment.running")));
                case FAILED -> box.add(new Paragraph(getTranslation("classdata.experiment.failed",
                        e.message() == null ? "" : e.message())));
                case DONE -> e.evaluations().forEach(v -> box.add(evaluation(v)));
            }
            add(box);
        }
    }

    private Div evaluation(Experiment.Evaluation v) {
        Span accuracy = new Span(getTranslation("classdata.experiment.accuracy",
                getTranslation("classdata.testSet." + v.testedOn().name()), v.accuracy() * 100, v.correct(), v.samples()));
        accuracy.addClassName("nnlab-class-accuracy");
        Div result = new Div(accuracy, matrix(v));
        result.addClassName("nnlab-class-evaluation");
        result.getElement().setAttribute("data-tested-on", v.testedOn().name());
        return result;
    }

    /** An 11×11 grid: a header row and column of digits, then the counts, the diagonal marked. */
    private Div matrix(Experiment.Evaluation v) {
        Div grid = new Div();
        grid.addClassName("nnlab-confusion");
        grid.getElement().setAttribute("title", getTranslation("classdata.experiment.matrixHint"));
        grid.add(cell("", "nnlab-confusion-head"));
        for (int p = 0; p < Experiment.Evaluation.CLASSES; p++) {
            grid.add(cell(Integer.toString(p), "nnlab-confusion-head"));
        }
        for (int t = 0; t < Experiment.Evaluation.CLASSES; t++) {
            grid.add(cell(Integer.toString(t), "nnlab-confusion-head"));
            for (int p = 0; p < Experiment.Evaluation.CLASSES; p++) {
                long n = v.count(t, p);
                grid.add(cell(n == 0 ? "" : Long.toString(n), t == p ? "nnlab-confusion-right"
                        : n > 0 ? "nnlab-confusion-wrong" : "nnlab-confusion-empty"));
            }
        }
        return grid;
    }

    private static Span cell(String text, String className) {
        Span s = new Span(text);
        s.addClassName(className);
        return s;
    }
}
