package org.nnlab.training.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnlab.Requests;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.engine.data.sequence.CharCorpus;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.ModelProbes;
import org.nnlab.training.TextCorpora;
import org.nnlab.training.TextLimits;
import org.nnlab.training.TrainingService;
import org.springframework.beans.factory.annotation.Autowired;

/** The data picker and the data's own charts on the Train page, with the real service and engine. */
class TrainPageDataTest extends KaribuSpringTest {
    @Autowired
    TrainingService training;
    @Autowired
    TextLimits textLimits;

    @AfterEach
    void stopMyJobs() {
        String owner = CurrentOwner.id();
        training.jobsOf(owner).stream().filter(j -> !j.isFinal()).forEach(j -> training.stop(owner, j.id()));
    }

    private TrainingDashboardView open(Presets.Preset preset) {
        UI.getCurrent().navigate("train");
        TrainingDashboardView view = _get(TrainingDashboardView.class);
        view.useCustomSpec(preset.spec());
        return view;
    }

    private static JobSnapshot awaitFinal(TrainingDashboardView view) throws InterruptedException {
        await(() -> view.current != null && view.current.isFinal(), "the run to end", Duration.ofSeconds(120));
        return view.current;
    }

    private static List<String> offered(TrainingDashboardView view) {
        return view.settings.dataset.getListDataView().getItems().map(DataChoice::dataset).toList();
    }

    @Test
    void xorGetsPointsAndTablesAndShowsItsDecisionBoundaryFromTheEngine() throws InterruptedException {
        TrainingDashboardView view = open(Presets.XOR);
        assertEquals(List.of("toy-xor", "toy-circle", "toy-gaussians", "toy-spiral", "gate-and", "gate-or", "gate-xor"),
                offered(view));
        assertEquals("toy-xor", view.settings.dataset.getValue().dataset());
        assertTrue(view.settings.data.noise.isVisible() && view.settings.data.points.isVisible()
                && view.settings.data.seed.isVisible());
        assertFalse(view.settings.data.ownText.isVisible());
        view.settings.data.points.setValue(300);
        assertEquals("data: XOR: points in four squares: 300 samples, noise 0.10, data seed 1, each sample [2]",
                view.settings.preview.data.getText());
        assertFalse(view.charts.dataCharts.isVisible(), "no run yet");

        view.settings.epochs.setValue(6);
        view.settings.start.click();
        assertTrue(view.charts.dataCharts.boundary.isVisible());
        JobSnapshot end = awaitFinal(view);
        assertEquals(JobState.FINISHED, end.state(), String.valueOf(end.message()));
        assertEquals(300, training.request(CurrentOwner.id(), end.id()).data().size());

        String svg = view.charts.dataCharts.boundary.getElement().getProperty("innerHTML");
        assertEquals(DataCharts.GRID * DataCharts.GRID, svg.split("<rect").length - 1, "one cell per grid point");
        assertEquals(300, svg.split("<circle").length - 1, "every training point drawn");
        assertEquals("Epoch 6: the shade is the network’s output for class 1 (dark: 1, light: 0); dots are training"
                + " points, filled for class 1.", view.charts.dataCharts.boundaryCaption.getText());
        Sequential last = training.latestModel(CurrentOwner.id(), end.id()).orElseThrow();
        float[] score = ModelProbes.boundary(last, -6.5, 6.5, DataCharts.GRID);
        String expected = DataCharts.svg(score, List.of(), -6.5, 6.5);
        assertTrue(svg.startsWith(expected.substring(0, expected.length() - "</svg>".length())),
                "the picture is the engine's answer of the network after its last epoch");

        view.settings.dataset.setValue(view.settings.dataset.getListDataView().getItems()
                .filter(c -> c.dataset().equals("gate-and")).findFirst().orElseThrow());
        assertFalse(view.settings.data.noise.isVisible(), "a truth table has no noise");
        assertTrue(view.settings.drawingsHint.getText().startsWith("The rows of the truth table repeat"));
    }

    @Test
    void aCharacterModelGetsTextsAndShowsWhatItWrites() throws InterruptedException {
        TrainingDashboardView view = open(Presets.CHAR_MODEL);
        assertEquals(List.of("text-english", "text-chinese", "text-own"), offered(view));
        assertEquals("text-english", view.settings.dataset.getValue().dataset());
        assertEquals("data: English text (Gettysburg Address and the US Preamble): 2,000 windows of 32 characters, each"
                + " labelled with the character after it, each sample [32]", view.settings.preview.data.getText());
        DataChoice chinese = view.settings.dataset.getListDataView().getItems()
                .filter(c -> c.dataset().equals("text-chinese")).findFirst().orElseThrow();
        view.settings.dataset.setValue(chinese);
        view.settings.epochs.setValue(1);
        view.settings.start.click();
        assertTrue(view.charts.dataCharts.samples.isVisible());
        assertEquals("After each epoch the network continues the start of the text here, one character at a time.",
                view.charts.dataCharts.samples.getElement().getChild(0).getTextRecursively());
        JobSnapshot end = awaitFinal(view);
        assertEquals(JobState.FINISHED, end.state(), String.valueOf(end.message()));

        String line = view.charts.dataCharts.samples.getElement().getChild(0).getTextRecursively();
        CharCorpus corpus = TextCorpora.corpus(training.request(CurrentOwner.id(), end.id()).data(), textLimits);
        String start = corpus.text().substring(0, corpus.text().offsetByCodePoints(0, 32));
        assertTrue(line.startsWith("Epoch 1: " + start), line);
        String written = line.substring(("Epoch 1: " + start).length());
        assertEquals(80, written.codePointCount(0, written.length()), "80 characters written by the network");
        corpus.encode(written);
    }

    @Test
    void aPastedTextThatIsTooShortIsRefusedInTheUsersLanguage() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        TrainingDashboardView view = open(Presets.CHAR_MODEL);
        assertEquals("英文文本（葛底斯堡演说和美国宪法序言）",
                view.settings.dataset.getItemLabelGenerator().apply(view.settings.dataset.getValue()));
        view.settings.dataset.setValue(view.settings.dataset.getListDataView().getItems()
                .filter(c -> c.dataset().equals(DataChoice.OWN_TEXT)).findFirst().orElseThrow());
        assertTrue(view.settings.data.ownText.isVisible());
        view.settings.data.ownText.setValue("太短了");
        Requests.handle(() -> view.settings.start.click());
        String text = NotificationsKt.getNotifications().getLast().getElement().getProperty("text", "");
        assertEquals("文本有 3 个字符，至少需要 200 个。请粘贴更长的文本。", text);
        assertEquals(null, view.current, "nothing started");
    }

    @Test
    void aNetworkNothingFitsSaysSoBeforeStart() {
        TrainingDashboardView view = open(new Presets.Preset("odd", "odd", Presets.InputKind.POINTS,
                Presets.XOR.spec(), null, java.util.Set.of()));
        view.useCustomSpec(org.nnlab.engine.spec.ModelSpec.of(org.nnlab.engine.tensor.Shape.of(3, 5),
                new org.nnlab.engine.spec.FlattenSpec(), new org.nnlab.engine.spec.DenseSpec(2)));
        assertTrue(offered(view).isEmpty());
        assertFalse(view.settings.dataset.isEnabled());
        assertTrue(view.settings.preview.data.getText().startsWith("No data set here fits a network whose input is [3, 5]."),
                view.settings.preview.data.getText());
    }

    /** Distorting images is offered for networks that read images, not for points or texts (the server refuses those). */
    @Test
    void augmentationIsOfferedOnlyForImages() {
        TrainingDashboardView view = open(Presets.LENET);
        assertTrue(view.settings.augment.isEnabled());
        view.settings.augment.setValue(true);
        view.useCustomSpec(Presets.CHAR_MODEL.spec());
        assertFalse(view.settings.augment.isEnabled());
        assertFalse(view.settings.augment.getValue(), "a text run does not ask for distortions it would be refused for");
        view.useCustomSpec(Presets.PERCEPTRON.spec());
        assertFalse(view.settings.augment.isEnabled());
        view.useCustomSpec(Presets.LSTM_ROWS.spec());
        assertTrue(view.settings.augment.isEnabled(), "rows of an image are still an image");
    }

    /** A truth table has no noise and no seed: the preview and the fields do not pretend it does. */
    @Test
    void aTruthTableShowsNeitherNoiseNorSeed() {
        TrainingDashboardView view = open(Presets.PERCEPTRON);
        assertEquals("gate-and", view.settings.dataset.getValue().dataset());
        assertFalse(view.settings.data.noise.isVisible() || view.settings.data.seed.isVisible());
        assertTrue(view.settings.data.points.isVisible());
        assertTrue(view.settings.preview.data.getText().contains("Truth table AND: 200 samples (its rows repeated)"),
                view.settings.preview.data.getText());
    }
}
