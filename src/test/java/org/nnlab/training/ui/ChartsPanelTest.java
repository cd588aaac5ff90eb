package org.nnlab.training.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.engine.json.Json;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;

/** The charts panel: whole options once per run, then only new points; the confusion matrix as it stands. */
class ChartsPanelTest extends KaribuSpringTest {
    private final JobId run = JobId.random();
    private ChartsPanel panel;

    @BeforeEach
    void attach() {
        UI.getCurrent().navigate("");
        panel = new ChartsPanel((actual, predicted) -> new float[2][784]);
        UI.getCurrent().add(panel);
        SentCalls.appends();
    }

    private static List<?> seriesData(NnChart chart, int series) {
        List<?> all = (List<?>) ((Map<?, ?>) Json.parse(chart.getOption())).get("series");
        return (List<?>) ((Map<?, ?>) all.get(series)).get("data");
    }

    @Test
    void beforeARunEachChartSaysWhatItWillShow() {
        assertTrue(panel.loss.chart().getOption().contains("The loss appears here when the run starts."));
        assertTrue(panel.confusionChart.getOption().contains("mixed up"), panel.confusionChart.getOption());
        assertTrue(panel.filtersHint.isVisible());
        assertTrue(panel.histogramsHint.isVisible());
        assertEquals("100px", panel.loss.chart().getHeight(), "one sentence needs no tall chart");
    }

    @Test
    void anUpdateSendsOnlyThePointsAfterTheLastStepSent() {
        panel.show(Snapshots.running(run, 5, null));
        assertEquals(5, seriesData(panel.loss.chart(), 0).size(), "the run's first update sends the whole option");
        assertEquals(List.of(), SentCalls.appends());

        panel.show(Snapshots.running(run, 12, null));
        String optionAfterFirst = panel.loss.chart().getOption();
        List<SentCalls.Append> sent = SentCalls.appends();
        List<SentCalls.Append> loss = sent.stream().filter(a -> a.chartId().equals("loss-chart")).toList();
        assertEquals(List.of(0, 1), loss.stream().map(SentCalls.Append::series).toList());
        assertEquals(List.of(6, 7, 8, 9, 10, 11, 12), loss.get(0).steps(), "training loss: steps 6 to 12 only");
        assertEquals(List.of(10), loss.get(1).steps(), "validation loss: the one new epoch");
        assertEquals(2.0 / 6, loss.get(0).points().getFirst().get(1), 1e-4);
        assertEquals(2, sent.stream().filter(a -> a.chartId().equals("gradient-chart")).count(), "one call per layer");

        panel.show(Snapshots.running(run, 12, null));
        assertEquals(List.of(), SentCalls.appends(), "nothing new, nothing sent");
        assertEquals(optionAfterFirst, panel.loss.chart().getOption(), "the option is not sent again");

        panel.reset();
        panel.show(Snapshots.running(JobId.random(), 3, null));
        assertEquals(3, seriesData(panel.loss.chart(), 0).size(), "a new run starts with a whole option");
        assertEquals(List.of(), SentCalls.appends());
    }

    @Test
    void theConfusionMatrixShowsWhatEachUpdateHolds() {
        panel.show(Snapshots.running(run, 10, Snapshots.confusion(4)));
        assertTrue(seriesData(panel.confusionChart, 0).contains(List.of(3.0, 3.0, 4.0)), panel.confusionChart.getOption());
        panel.show(Snapshots.running(run, 20, Snapshots.confusion(9)));
        assertTrue(seriesData(panel.confusionChart, 0).contains(List.of(3.0, 3.0, 9.0)), "updated during the run");
        assertFalse(seriesData(panel.confusionChart, 0).contains(List.of(3.0, 3.0, 4.0)));
    }

    @Test
    void aClickedCellSaysHowManyImagesItHoldsAndHowManyAreShown() {
        panel.show(Snapshots.running(run, 10, Snapshots.confusion(40)));
        panel.showExamples("[3,3,40]");
        assertEquals("True 3, predicted 3: this cell holds 40 images; 2 shown", panel.examplesCaption.getText());
        assertEquals(2, panel.examples.getCount());
    }

    /** A perceptron's or a text model's first layer is no picture: the box that promised one goes away. */
    @Test
    void theFiltersBoxLeavesWhenTheFirstLayerMakesNoPictures() {
        assertTrue(panel.filtersBox.isVisible());
        JobSnapshot s = Snapshots.running(run, 5, null);
        panel.show(Snapshots.withVisuals(s, new JobSnapshot.Visuals(5, List.of(), null)));
        assertFalse(panel.filtersBox.isVisible());
        panel.reset();
        assertTrue(panel.filtersBox.isVisible(), "the next run may have filters again");
        panel.show(Snapshots.withVisuals(s, new JobSnapshot.Visuals(6, List.of(),
                new JobSnapshot.Filters(1, 2, 2, new float[4]))));
        assertTrue(panel.filtersBox.isVisible());
    }

    /** 100 characters make 10,000 cells: counts in them would be a black block, so only colour shows. */
    @Test
    void aLargeConfusionMatrixShowsColourWithoutCounts() {
        panel.show(Snapshots.running(run, 10, Snapshots.confusion(4)));
        assertEquals(true, cellLabelsShown(), "10 classes: counts shown");
        long[] counts = new long[100 * 100];
        counts[0] = 3;
        panel.show(Snapshots.running(run, 20, new JobSnapshot.Confusion(100, counts, new int[100 * 100][0])));
        assertEquals(false, cellLabelsShown(), panel.confusionChart.getOption());
    }

    private Object cellLabelsShown() {
        List<?> all = (List<?>) ((Map<?, ?>) Json.parse(panel.confusionChart.getOption())).get("series");
        return ((Map<?, ?>) ((Map<?, ?>) all.getFirst()).get("label")).get("show");
    }
}
