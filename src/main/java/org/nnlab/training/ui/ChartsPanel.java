package org.nnlab.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.nnlab.engine.json.Json;
import org.nnlab.training.JobSnapshot;

/**
 * The charts of a run: loss, accuracy, gradient norms and update ratios (new points appended at each
 * update), the first layer's filters, weight histograms, and the confusion matrix as it stands at each
 * update, whose cells show their test images when clicked; for points and texts also the {@link DataCharts}.
 * Before a run every part says what it will show.
 */
class ChartsPanel extends VerticalLayout {
    /** Chart height before a run, when each chart holds one sentence, and during one. */
    private static final String EMPTY_HEIGHT = "100px";
    private static final String FULL_HEIGHT = "260px";

    private final ChartOptions options = new ChartOptions(this::getTranslation);
    private final BiFunction<Integer, Integer, float[][]> examplesOf;
    final LiveChart loss;
    final LiveChart accuracy;
    final LiveChart gradients;
    final LiveChart ratios;
    final NnChart confusionChart = new NnChart("confusion-chart");
    final DataCharts dataCharts = new DataCharts();
    final ImageGrid filters = new ImageGrid("filters", true, 5);
    final Span filtersHint = hint("train.empty.filters");
    /** The filters' title, pictures and hint: hidden once the engine says the first layer makes no pictures. */
    final Component filtersBox;
    final ImageGrid examples = new ImageGrid("confusion-examples", false, 3);
    final Span examplesCaption = new Span();
    final FlexLayout histograms = new FlexLayout();
    final Span histogramsHint = hint("train.empty.histograms");
    private final List<NnChart> histogramCharts = new ArrayList<>();
    private JobSnapshot.Confusion confusion;
    private int visualsStep = -1;

    /** @param examplesOf the test images of a confusion cell of the current run, by (actual, predicted) */
    ChartsPanel(BiFunction<Integer, Integer, float[][]> examplesOf) {
        this.examplesOf = examplesOf;
        loss = new LiveChart(new NnChart("loss-chart"), ChartOptions::lossPoints, options::loss,
                options.placeholder("train.chart.loss", "train.empty.loss"));
        accuracy = new LiveChart(new NnChart("accuracy-chart"), ChartOptions::accuracyPoints, options::accuracy,
                options.placeholder("train.chart.accuracy", "train.empty.accuracy"));
        gradients = new LiveChart(new NnChart("gradient-chart"), ChartOptions::gradientPoints, options::gradientNorms,
                options.placeholder("train.chart.gradients", "train.empty.gradients"));
        ratios = new LiveChart(new NnChart("ratio-chart"), ChartOptions::ratioPoints, options::updateRatios,
                options.placeholder("train.chart.ratios", "train.empty.ratios"));
        setPadding(false);
        setWidthFull();
        histograms.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        histograms.setId("histograms");
        histograms.setWidthFull();
        examplesCaption.setId("examples-caption");
        confusionChart.addClickListener(e -> showExamples(e.value()));
        filtersBox = box("train.filters", filtersHint, filters);
        Div grid = new Div(dataCharts, loss.chart(), accuracy.chart(), gradients.chart(), ratios.chart(),
                filtersBox, new Div(confusionChart, examplesCaption, examples));
        grid.addClassName("nnlab-train-charts");
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(min(420px, 100%), 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        add(grid, new H3(getTranslation("train.histograms")), histogramsHint, histograms);
        reset();
    }

    private Span hint(String key) {
        Span hint = new Span(getTranslation(key));
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return hint;
    }

    private Component box(String titleKey, Component... content) {
        Div box = new Div(new Span(getTranslation(titleKey)));
        box.add(content);
        box.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        return box;
    }

    /** Shows a snapshot of the current run: new points, new pictures, the confusion matrix as it is now. */
    void show(JobSnapshot s) {
        for (LiveChart chart : List.of(loss, accuracy, gradients, ratios)) {
            chart.chart().setHeight(FULL_HEIGHT);
            chart.show(s);
        }
        if (s.visuals() != null && s.visuals().step() != visualsStep) {
            visualsStep = s.visuals().step();
            // points, truth tables and texts: the first layer's weights are no image, so no promise of one
            filtersBox.setVisible(s.visuals().filters() != null);
            if (s.visuals().filters() != null) {
                JobSnapshot.Filters f = s.visuals().filters();
                filters.setPixelSize(Math.max(2, 60 / Math.max(f.rows(), f.cols())));
                filters.setImages(f.count(), f.rows(), f.cols(), f.values());
                filtersHint.setVisible(false);
            }
            showHistograms(s.visuals().histograms());
        }
        if (s.confusion() != null && (confusion == null || !Arrays.equals(confusion.counts(), s.confusion().counts()))) {
            confusion = s.confusion();
            confusionChart.setHeight(FULL_HEIGHT);
            confusionChart.setOption(options.confusion(confusion));
        }
    }

    private void showHistograms(List<JobSnapshot.Histogram> list) {
        while (histogramCharts.size() < list.size()) {
            NnChart chart = new NnChart("histogram-" + histogramCharts.size());
            chart.setWidth("min(320px, 100%)");
            chart.setHeight("200px");
            histogramCharts.add(chart);
            histograms.add(chart);
        }
        for (int i = 0; i < list.size(); i++) {
            histogramCharts.get(i).setOption(options.histogram(list.get(i)));
        }
        histogramsHint.setVisible(list.isEmpty());
    }

    /** Back to the state before a run: every part empty, saying what it will show. */
    void reset() {
        dataCharts.reset(null);
        for (LiveChart chart : List.of(loss, accuracy, gradients, ratios)) {
            chart.reset();
            chart.chart().setHeight(EMPTY_HEIGHT);
        }
        histograms.removeAll();
        histogramCharts.clear();
        histogramsHint.setVisible(true);
        filters.clear();
        filtersHint.setVisible(true);
        filtersBox.setVisible(true);
        examples.clear();
        examplesCaption.setText("");
        confusion = null;
        visualsStep = -1;
        confusionChart.setHeight(EMPTY_HEIGHT);
        confusionChart.setOption(options.placeholder("train.chart.confusion", "train.empty.confusion"));
    }

    /** The value of a clicked heat-map cell is [predicted, actual, count]: show those test images. */
    void showExamples(String value) {
        if (confusion == null || value == null || !(Json.parse(value) instanceof List<?> cell) || cell.size() < 2) {
            return;
        }
        int predicted = ((Double) cell.get(0)).intValue();
        int actual = ((Double) cell.get(1)).intValue();
        if (actual < 0 || predicted < 0 || actual >= confusion.classes() || predicted >= confusion.classes()) {
            return;
        }
        float[][] found = examplesOf.apply(actual, predicted);
        // only images are drawn: the samples of points and texts have no picture here
        float[][] images = found.length > 0 && found[0].length == 28 * 28 ? found : new float[0][];
        examplesCaption.setText(getTranslation("train.examples.cell", actual, predicted,
                confusion.count(actual, predicted), images.length));
        if (images.length == 0) {
            examples.clear();
            return;
        }
        int per = images[0].length;
        int side = (int) Math.round(Math.sqrt(per));
        float[] all = new float[images.length * per];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, all, i * per, per);
        }
        examples.setImages(images.length, side, per / side, all);
    }
}
