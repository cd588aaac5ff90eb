package org.nnlab.training.ui;

import java.time.Duration;
import org.nnlab.Requests;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.persistence.ModelStore;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.TrainingData;
import org.nnlab.training.TrainingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** The dashboard on the server side, with the real service and database and a stand-in for MNIST. */
@Import(TrainingDashboardViewTest.FakeData.class)
class TrainingDashboardViewTest extends KaribuSpringTest {
    @TestConfiguration
    static class FakeData {
        @Bean
        @Primary
        TrainingData fakeMnist() {
            return new FakeMnist();
        }
    }

    @Autowired
    TrainingService training;
    @Autowired
    ModelStore models;
    @Autowired
    org.nnlab.digits.DrawingCollection drawings;

    @AfterEach
    void stopMyJobs() {
        String owner = CurrentOwner.id();
        training.jobsOf(owner).stream().filter(j -> !j.isFinal()).forEach(j -> training.stop(owner, j.id()));
    }

    private TrainingDashboardView open() {
        UI.getCurrent().navigate("train");
        return _get(TrainingDashboardView.class);
    }

    private static JobSnapshot awaitFinal(TrainingDashboardView view) throws InterruptedException {
        await(() -> view.current != null && view.current.isFinal(), "the run to end", Duration.ofSeconds(60));
        return view.current;
    }

    @Test
    void trainsToTheEndShowsChartsAndSavesTheModel() throws InterruptedException {
        TrainingDashboardView view = open();
        assertEquals("lenet", view.settings.network.getValue(), "LeNet is picked first");
        view.settings.network.setValue("perceptron");
        assertEquals(0.1, view.settings.learningRate.getValue(), "the network's usual learning rate");
        view.settings.dataset.setValue(DataChoice.mnist(500));
        view.settings.epochs.setValue(3);
        view.settings.start.click();
        assertNotNull(view.current);
        assertFalse(view.settings.start.isEnabled(), "one run at a time");

        JobSnapshot end = awaitFinal(view);
        assertEquals(JobState.FINISHED, end.state(), String.valueOf(end.message()));
        assertTrue(view.run.status.getText().contains("finished"), view.run.status.getText());
        assertEquals(1.0, view.run.progress.getValue());
        assertTrue(view.charts.confusionChart.getOption().contains("heatmap"));
        assertTrue(view.charts.ratios.chart().getOption().contains("markArea"), "the healthy band is shaded");
        assertEquals(10, view.charts.filters.getCount(), "the perceptron's 10 units as 28x28 images");

        view.charts.showExamples("[3,3,20]");
        assertTrue(view.charts.examples.getCount() > 0, "a diagonal cell of an easy task has examples");
        assertEquals("True 3, predicted 3: this cell holds " + end.confusion().count(3, 3) + " images; "
                + view.charts.examples.getCount() + " shown", view.charts.examplesCaption.getText());

        view.endActions.modelName.setValue("my perceptron");
        view.endActions.save.click();
        String id = view.endActions.savedModelId();
        assertNotNull(id);
        assertTrue(view.endActions.tryInDraw.isEnabled());
        assertEquals("my perceptron", models.find(CurrentOwner.id(), id).orElseThrow().name());
        assertTrue(models.find(CurrentOwner.id(), id).orElseThrow().metrics().contains("testAccuracy"));

        UI.getCurrent().navigate("");
        TrainingDashboardView reloaded = open();
        List<?> series = (List<?>) ((java.util.Map<?, ?>) Json.parse(reloaded.charts.loss.chart().getOption())).get("series");
        assertFalse(((List<?>) ((java.util.Map<?, ?>) series.getFirst()).get("data")).isEmpty(),
                "a reloaded page gets the finished run's training loss points in one option");
    }

    @Test
    void aReloadedPageShowsTheRunningJobAgain() {
        TrainingDashboardView view = open();
        view.settings.network.setValue("perceptron");
        view.settings.dataset.setValue(DataChoice.mnist(30000));
        view.settings.epochs.setValue(20);
        view.settings.start.click();
        var id = view.current.id();

        UI.getCurrent().navigate("");
        TrainingDashboardView again = open();
        assertEquals(id, again.current.id());
        assertTrue(again.run.stop.isEnabled());
        again.run.stop.click();
    }

    @Test
    void refusesTooLongARunWithAReadableMessage() {
        TrainingDashboardView view = open();
        view.settings.dataset.setValue(DataChoice.mnist(0));
        view.settings.epochs.setValue(50);
        Requests.handle(view.settings.start::click);
        List<Notification> shown = NotificationsKt.getNotifications();
        assertEquals(1, shown.size());
        String text = shown.getFirst().getElement().getProperty("text", "");
        assertTrue(text.contains("3,000,000") && text.contains("limit"), text);
    }

    @Test
    void acceptsANetworkFromTheBuilderThroughTheSession() {
        ModelSpec spec = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(32), new DenseSpec(10));
        VaadinSession.getCurrent().setAttribute(TrainingDashboardView.SPEC_ATTRIBUTE, spec.toJson());
        TrainingDashboardView view = open();
        assertEquals("custom", view.settings.network.getValue());
        VaadinSession.getCurrent().setAttribute(TrainingDashboardView.SPEC_ATTRIBUTE, null);
    }

    @Test
    void acceptsANetworkFromTheBuildersLink() {
        ModelSpec spec = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10));
        UI.getCurrent().navigate("train", com.vaadin.flow.router.QueryParameters.of("spec",
                org.nnlab.builder.SpecLinks.encode(spec)));
        TrainingDashboardView view = _get(TrainingDashboardView.class);
        assertEquals("custom", view.settings.network.getValue());
        view.settings.dataset.setValue(DataChoice.mnist(500));
        view.settings.epochs.setValue(1);
        view.settings.start.click();
        assertEquals("custom", view.current.networkName());
        assertEquals(spec, training.request(CurrentOwner.id(), view.current.id()).spec());
    }

    @Test
    void savedModelsCanBeRenamedUploadedAndDeleted() throws Exception {
        TrainingDashboardView view = open();
        SavedModelsPanel panel = view.savedModels;
        assertEquals(0, panel.grid.getGenericDataView().getItems().count());
        var spec = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10));
        byte[] file = org.nnlab.engine.model.ModelFile.toBytes(
                org.nnlab.engine.model.Sequential.build(spec, new java.util.SplittableRandom(3)));

        panel.uploaded("mine.nnm", file);
        var rows = panel.grid.getGenericDataView().getItems().toList();
        assertEquals(List.of("mine"), rows.stream().map(org.nnlab.persistence.ModelSummary::name).toList());

        Requests.handle(() -> panel.uploaded("broken.nnm", java.util.Arrays.copyOf(file, file.length - 3)));
        String text = NotificationsKt.getNotifications().getLast().getElement().getProperty("text", "");
        assertTrue(text.startsWith("This is not a usable NN Lab model file"), text);
        assertEquals(1, panel.grid.getGenericDataView().getItems().count(), "a bad file changes nothing");

        panel.grid.select(rows.getFirst());
        assertTrue(panel.download.getHref() != null && !panel.download.getHref().isEmpty());
        panel.name.setValue("renamed");
        panel.rename.click();
        assertEquals("renamed", models.list(CurrentOwner.id()).getFirst().name());
        panel.grid.select(panel.grid.getGenericDataView().getItems().findFirst().orElseThrow());
        panel.delete.click();
        assertTrue(models.list(CurrentOwner.id()).isEmpty());
    }

    private void addDrawings(int count) {
        org.nnlab.engine.data.Dataset images = FakeMnist.make(count, 4);
        for (int i = 0; i < count; i++) {
            float[] pixels = java.util.Arrays.copyOfRange(images.inputs().data(), i * 784, (i + 1) * 784);
            drawings.add(CurrentOwner.id(), new org.nnlab.engine.data.GrayImage(28, 28, pixels), images.label(i), -1, "mnist-cnn");
        }
    }

    @Test
    void withFewerThanTenDrawingsThePickerSaysHowToGetThem() {
        addDrawings(DataChoice.MIN_DRAWINGS - 1);
        TrainingDashboardView view = open();
        assertTrue(view.settings.dataset.getListDataView().getItems().noneMatch(DataChoice::isDrawings));
        assertTrue(view.settings.drawingsHint.isVisible());
        assertEquals("You can also train on your own drawings: label at least 10 digits on the Draw page with"
                + " \u201cWrong? Tell it\u201d. You have 9. The trained network is tested on MNIST test images.",
                view.settings.drawingsHint.getText());
    }

    @Test
    void trainsOnTheUsersOwnDrawingsAndTestsOnMnistTestImages() throws InterruptedException {
        addDrawings(12);
        TrainingDashboardView view = open();
        DataChoice mine = view.settings.dataset.getListDataView().getItems().filter(DataChoice::isDrawings).findFirst().orElseThrow();
        assertEquals("My drawings (12)", view.settings.dataset.getItemLabelGenerator().apply(mine));
        assertFalse(view.settings.drawingsHint.isVisible(), "nothing to explain while MNIST is chosen");
        view.settings.dataset.setValue(mine);
        assertTrue(view.settings.drawingsHint.isVisible());
        assertTrue(view.settings.drawingsHint.getText().startsWith("Your 12 drawings are the training images"), view.settings.drawingsHint.getText());

        view.settings.network.setValue("perceptron");
        view.settings.epochs.setValue(2);
        view.settings.start.click();
        assertEquals(DataChoice.drawings(), training.request(CurrentOwner.id(), view.current.id()).data());
        JobSnapshot end = awaitFinal(view);
        assertEquals(JobState.FINISHED, end.state(), String.valueOf(end.message()));
        assertEquals(2, end.step(), "12 drawings in one batch of 64, two epochs");
        assertEquals(200, java.util.Arrays.stream(end.confusion().counts()).sum(), "tested on the (stand-in) MNIST test images");
    }

    @Test
    void speaksChinese() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        TrainingDashboardView view = open();
        assertEquals("开始", view.settings.start.getText());
        assertEquals("训练网络 · 神经网络实验室", view.getPageTitle());
        assertEquals("上传文件…", view.savedModels.upload.getI18n().getAddFiles().getOne());
        assertTrue(view.charts.loss.chart().getOption().contains("开始训练后，这里显示损失。"));
    }

    @Test
    void beforeARunThePageSaysWhatItWillTrainAndWhatEachChartWillShow() {
        TrainingDashboardView view = open();
        assertEquals("Train a network · NN Lab", view.getPageTitle());
        assertTrue(view.charts.loss.chart().getOption().contains("The loss appears here when the run starts."));
        assertTrue(view.charts.filtersHint.isVisible());
        assertTrue(view.settings.preview.isVisible());
        assertEquals(org.nnlab.engine.model.Presets.LENET.spec().layers().size(), view.settings.preview.layers.getComponentCount());
        assertEquals("Upload files…", view.savedModels.upload.getI18n().getAddFiles().getMany());
    }

    @Test
    void anUpdateDuringARunSendsOnlyTheNewPoints() throws InterruptedException {
        TrainingDashboardView view = open();
        view.settings.network.setValue("perceptron");
        view.settings.dataset.setValue(DataChoice.mnist(1000));
        view.settings.epochs.setValue(4);
        view.settings.batchSize.setValue(16);
        view.settings.start.click();
        List<Integer> steps = new java.util.ArrayList<>();
        List<?> first = (List<?>) ((java.util.Map<?, ?>) ((List<?>) ((java.util.Map<?, ?>) Json.parse(
                view.charts.loss.chart().getOption())).get("series")).getFirst()).get("data");
        first.forEach(p -> steps.add(((Double) ((List<?>) p).getFirst()).intValue()));
        int calls = 0;
        long deadline = System.currentTimeMillis() + 60_000;
        while (!(view.current.isFinal()) && System.currentTimeMillis() < deadline) {
            for (SentCalls.Append a : SentCalls.appends()) {
                if (a.chartId().equals("loss-chart") && a.series() == 0) {
                    steps.addAll(a.steps());
                    calls++;
                }
            }
            Thread.sleep(20);
        }
        for (SentCalls.Append a : SentCalls.appends()) {
            if (a.chartId().equals("loss-chart") && a.series() == 0) {
                steps.addAll(a.steps());
                calls++;
            }
        }
        JobSnapshot end = view.current;
        assertEquals(JobState.FINISHED, end.state(), String.valueOf(end.message()));
        assertTrue(calls > 0, "points were appended, not sent as whole options");
        assertEquals(end.train().stream().map(JobSnapshot.TrainPoint::step).toList(), steps,
                "every step reached the chart once, in order: no update sent a point again");
    }

    @Test
    void aFailureOfAnEarlierNetworkIsClearedWhenANewNetworkArrives() throws InterruptedException {
        TrainingDashboardView view = open();
        view.useCustomSpec(ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(5)));
        view.settings.dataset.setValue(DataChoice.mnist(500));
        view.settings.epochs.setValue(1);
        view.settings.start.click();
        JobSnapshot end = awaitFinal(view);
        assertEquals(JobState.FAILED, end.state(), "ten digit classes do not fit five outputs");
        UI.getCurrent().navigate("");
        TrainingDashboardView again = open();
        assertTrue(again.run.status.getText().contains("failed"), again.run.status.getText());

        again.useCustomSpec(ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10)));
        assertEquals("", again.run.status.getText());
        assertTrue(again.charts.loss.chart().getOption().contains("when the run starts"));
        assertTrue(again.settings.start.isEnabled());
    }
}
