package org.nnlab.training.ui;

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
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            MockVaadin.clientRoundtrip(false);
            if (view.current != null && view.current.isFinal()) {
                return view.current;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not end in time; last seen " + view.current);
    }

    @Test
    void trainsToTheEndShowsChartsAndSavesTheModel() throws InterruptedException {
        TrainingDashboardView view = open();
        assertEquals("lenet", view.network.getValue(), "LeNet is picked first");
        view.network.setValue("perceptron");
        assertEquals(0.1, view.learningRate.getValue(), "the network's usual learning rate");
        view.dataset.setValue(DataChoice.mnist(500));
        view.epochs.setValue(3);
        view.start.click();
        assertNotNull(view.current);
        assertFalse(view.start.isEnabled(), "one run at a time");

        JobSnapshot end = awaitFinal(view);
        assertEquals(JobState.FINISHED, end.state(), String.valueOf(end.message()));
        assertTrue(view.status.getText().contains("finished"), view.status.getText());
        assertEquals(1.0, view.progress.getValue());
        List<?> series = (List<?>) ((java.util.Map<?, ?>) Json.parse(view.lossChart.getOption())).get("series");
        assertFalse(((List<?>) ((java.util.Map<?, ?>) series.getFirst()).get("data")).isEmpty(), "training loss points");
        assertTrue(view.confusionChart.getOption().contains("heatmap"));
        assertTrue(view.ratioChart.getOption().contains("markArea"), "the healthy band is shaded");
        assertEquals(10, view.filters.getCount(), "the perceptron's 10 units as 28x28 images");

        view.showExamples("[3,3,20]");
        assertTrue(view.examples.getCount() > 0, "a diagonal cell of an easy task has examples");

        view.modelName.setValue("my perceptron");
        view.save.click();
        String id = view.savedModelId();
        assertNotNull(id);
        assertTrue(view.tryInDraw.isEnabled());
        assertEquals("my perceptron", models.find(CurrentOwner.id(), id).orElseThrow().name());
        assertTrue(models.find(CurrentOwner.id(), id).orElseThrow().metrics().contains("testAccuracy"));
    }

    @Test
    void aReloadedPageShowsTheRunningJobAgain() {
        TrainingDashboardView view = open();
        view.network.setValue("perceptron");
        view.dataset.setValue(DataChoice.mnist(30000));
        view.epochs.setValue(20);
        view.start.click();
        var id = view.current.id();

        UI.getCurrent().navigate("");
        TrainingDashboardView again = open();
        assertEquals(id, again.current.id());
        assertTrue(again.stop.isEnabled());
        again.stop.click();
    }

    @Test
    void refusesTooLongARunWithAReadableMessage() {
        TrainingDashboardView view = open();
        view.dataset.setValue(DataChoice.mnist(0));
        view.epochs.setValue(50);
        view.start.click();
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
        assertEquals("custom", view.network.getValue());
        VaadinSession.getCurrent().setAttribute(TrainingDashboardView.SPEC_ATTRIBUTE, null);
    }

    @Test
    void acceptsANetworkFromTheBuildersLink() {
        ModelSpec spec = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10));
        UI.getCurrent().navigate("train", com.vaadin.flow.router.QueryParameters.of("spec",
                org.nnlab.builder.SpecLinks.encode(spec)));
        TrainingDashboardView view = _get(TrainingDashboardView.class);
        assertEquals("custom", view.network.getValue());
        view.dataset.setValue(DataChoice.mnist(500));
        view.epochs.setValue(1);
        view.start.click();
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

        panel.uploaded("broken.nnm", java.util.Arrays.copyOf(file, file.length - 3));
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
        assertTrue(view.dataset.getListDataView().getItems().noneMatch(DataChoice::isDrawings));
        assertTrue(view.drawingsHint.isVisible());
        assertEquals("You can also train on your own drawings: label at least 10 digits on the Draw page with"
                + " \u201cWrong? Tell it\u201d. You have 9. The trained network is tested on MNIST test images.",
                view.drawingsHint.getText());
    }

    @Test
    void trainsOnTheUsersOwnDrawingsAndTestsOnMnistTestImages() throws InterruptedException {
        addDrawings(12);
        TrainingDashboardView view = open();
        DataChoice mine = view.dataset.getListDataView().getItems().filter(DataChoice::isDrawings).findFirst().orElseThrow();
        assertEquals("My drawings (12)", view.dataset.getItemLabelGenerator().apply(mine));
        assertFalse(view.drawingsHint.isVisible(), "nothing to explain while MNIST is chosen");
        view.dataset.setValue(mine);
        assertTrue(view.drawingsHint.isVisible());
        assertTrue(view.drawingsHint.getText().startsWith("Your 12 drawings are the training images"), view.drawingsHint.getText());

        view.network.setValue("perceptron");
        view.epochs.setValue(2);
        view.start.click();
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
        assertEquals("开始", view.start.getText());
    }
}
