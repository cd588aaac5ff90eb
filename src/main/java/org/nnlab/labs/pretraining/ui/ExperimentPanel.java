package org.nnlab.labs.pretraining.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.labs.pretraining.DbnExperiment;
import org.nnlab.labs.pretraining.ExperimentRow;
import org.nnlab.labs.pretraining.ExperimentState;
import org.nnlab.labs.pretraining.PretrainingService;

/**
 * The DBN experiment on the page: a start button ({@code dbn-start}), where it is ({@code dbn-status}), and the
 * table ({@code dbn-experiment}) that gets a row per finished run (id {@code dbn-row-<labels>-<random|pretrained>}):
 * labels, start, test accuracy, the pretrained run's gain over the random one, the gradient norm of each layer
 * and the time it took. When all runs are done, {@code dbn-verdict} says what they show.
 */
class ExperimentPanel extends Div {
    private final PretrainingService service;
    private final Consumer<String> taskDone;
    final Button start = new Button();
    final Span status = new Span();
    final Element table = new Element("table");
    final Paragraph verdict = new Paragraph();
    private DbnExperiment experiment;
    /** The last state shown (the view test reads it). */
    ExperimentState shown;

    ExperimentPanel(PretrainingService service, Consumer<String> taskDone) {
        this.service = service;
        this.taskDone = taskDone;
        start.setId("dbn-start");
        start.setText(getTranslation("labs.pretraining.dbn.start"));
        start.setIcon(VaadinIcon.PLAY.create());
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.addClickListener(e -> begin());
        status.setId("dbn-status");
        status.setText(getTranslation("labs.pretraining.dbn.idle"));
        table.setAttribute("id", "dbn-experiment");
        table.setAttribute("class", "nnlab-dbn-table");
        verdict.setId("dbn-verdict");
        Div scroll = new Div();
        scroll.addClassName("nnlab-dbn-scroll");
        scroll.getElement().appendChild(table);
        Div buttons = new Div(start);
        buttons.addClassName("nnlab-lab-buttons");
        add(buttons, status, scroll, verdict);
        showRows(List.of(), 3);
    }

    private void begin() {
        UI ui = UI.getCurrent();
        stop();
        start.setEnabled(false);
        status.setText(getTranslation("labs.pretraining.dbn.loading"));
        verdict.setText("");
        experiment = service.startExperiment(CurrentOwner.id(), s -> {
            try {
                ui.access(() -> show(s));
            } catch (UIDetachedException gone) {
                stop();
            }
        });
    }

    void show(ExperimentState s) {
        shown = s;
        Locale locale = getLocale();
        int layers = s.layers();
        status.setText(switch (s.phase()) {
            case LOADING -> getTranslation("labs.pretraining.dbn.loading");
            case PRETRAINING -> getTranslation("labs.pretraining.dbn.pretraining", s.layer() + 1, layers,
                    Math.round(100 * s.progress()));
            case FINE_TUNING -> getTranslation("labs.pretraining.dbn.fineTuning", s.rows().size() + 1, s.runs(),
                    count(s.labels()), getTranslation(s.pretrained() ? "labs.pretraining.dbn.pretrained"
                            : "labs.pretraining.dbn.random"), Math.round(100 * s.progress()),
                    String.format(locale, "%.0f", s.pretrainSeconds()));
            case DONE -> getTranslation("labs.pretraining.dbn.done", count(s.testImages()),
                    String.format(locale, "%.0f", s.pretrainSeconds()));
        });
        showRows(s.rows(), layers + 1);
        if (s.isDone()) {
            start.setEnabled(true);
            start.setText(getTranslation("labs.pretraining.dbn.again"));
            verdict.setText(verdict(s.rows()));
            taskDone.accept("compare");
        }
    }

    private void showRows(List<ExperimentRow> rows, int dense) {
        table.removeAllChildren();
        Element head = new Element("tr");
        head.appendChild(cell("th", getTranslation("labs.pretraining.dbn.col.labels")),
                cell("th", getTranslation("labs.pretraining.dbn.col.start")),
                cell("th", getTranslation("labs.pretraining.dbn.col.accuracy")),
                cell("th", getTranslation("labs.pretraining.dbn.col.gain")));
        for (int l = 1; l <= dense; l++) {
            head.appendChild(cell("th", getTranslation("labs.pretraining.dbn.col.grad", l)));
        }
        head.appendChild(cell("th", getTranslation("labs.pretraining.dbn.col.updates")),
                cell("th", getTranslation("labs.pretraining.dbn.col.seconds")));
        table.appendChild(head);
        for (ExperimentRow r : rows) {
            Element tr = new Element("tr");
            tr.setAttribute("id", "dbn-row-" + r.labels() + "-" + (r.pretrained() ? "pretrained" : "random"));
            tr.setAttribute("class", r.pretrained() ? "pretrained" : "random");
            ExperimentRow pair = r.pretrained() ? partner(rows, r) : null;
            tr.appendChild(cell("td", count(r.labels())),
                    cell("td", getTranslation(r.pretrained() ? "labs.pretraining.dbn.pretrained" : "labs.pretraining.dbn.random")),
                    cell("td", percent(r.accuracy())),
                    cell("td", pair == null ? "" : String.format(Locale.ROOT, "%+.1f", 100 * (r.accuracy() - pair.accuracy()))));
            for (double g : r.gradientNorms()) {
                tr.appendChild(cell("td", String.format(Locale.ROOT, "%.2e", g)));
            }
            tr.appendChild(cell("td", count(r.updates())), cell("td", String.format(Locale.ROOT, "%.1f", r.seconds())));
            table.appendChild(tr);
        }
    }

    /** The random run with the same labels as the pretrained run {@code r}, or null. */
    private static ExperimentRow partner(List<ExperimentRow> rows, ExperimentRow r) {
        return rows.stream().filter(o -> !o.pretrained() && o.labels() == r.labels()).findFirst().orElse(null);
    }

    /** One sentence per number of labels, from the measured accuracies. */
    private String verdict(List<ExperimentRow> rows) {
        StringBuilder text = new StringBuilder();
        for (ExperimentRow r : rows) {
            ExperimentRow random = r.pretrained() ? partner(rows, r) : null;
            if (random != null) {
                double gain = 100 * (r.accuracy() - random.accuracy());
                String key = gain >= 0.5 ? "labs.pretraining.dbn.verdict.better"
                        : gain <= -0.5 ? "labs.pretraining.dbn.verdict.worse" : "labs.pretraining.dbn.verdict.same";
                text.append(text.isEmpty() ? "" : gap()).append(getTranslation(key, count(r.labels()),
                        percent(random.accuracy()), percent(r.accuracy()), String.format(Locale.ROOT, "%.1f", Math.abs(gain))));
            }
        }
        rows.stream().filter(ExperimentRow::pretrained).findFirst().ifPresent(pre -> {
            ExperimentRow random = partner(rows, pre);
            if (random != null) {
                double[] r = random.gradientNorms();
                double[] p = pre.gradientNorms();
                text.append(gap()).append(getTranslation("labs.pretraining.dbn.verdict.gradients", count(pre.labels()),
                        ratio(r[0] / r[r.length - 1]), ratio(p[0] / p[p.length - 1]), ratio(p[0] / r[0])));
            }
        });
        return text.toString();
    }

    /** Between two sentences: a space, none in Chinese. */
    private String gap() {
        return "zh".equals(getLocale().getLanguage()) ? "" : " ";
    }

    /** A ratio as a short decimal, e.g. 0.30 or 0.023. */
    private static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 0.1 ? "%.2f" : "%.2g", value);
    }

    private String count(long n) {
        return String.format(getLocale(), "%,d", n);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private static Element cell(String tag, String text) {
        Element e = new Element(tag);
        e.setText(text);
        return e;
    }

    private void stop() {
        DbnExperiment running = experiment;
        if (running != null) {
            running.close();
            experiment = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stop();
    }
}
