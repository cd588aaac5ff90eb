package org.nnlab.training.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.builder.ui.LayerBuilderView;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.perceptron.LogicGate;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.engine.model.Presets.Offer;
import org.nnlab.training.DataCatalog;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.TrainingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every network the builder offers as a preset goes the way a person takes it: built, handed over with
 * "Train this", trained with the data the Train page picks for it, on the real service and engine, for a
 * few steps, without an error. MNIST comes from the machine's data directory (copied into this test's own).
 */
@TestPropertySource(properties = "nnlab.data-dir=${java.io.tmpdir}/nnlab-test-presets")
class BuilderPresetsTrainTest extends KaribuSpringTest {
    private static final Path DATA = Path.of(System.getProperty("java.io.tmpdir"), "nnlab-test-presets");

    @Autowired
    TrainingService training;

    @BeforeAll
    static void copyMnist() throws IOException {
        Path from = DataDirectory.mnist(DataDirectory.resolve(null));
        Path to = DataDirectory.mnist(DATA);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(f.getFileName());
                if (!Files.exists(target) || Files.size(target) != Files.size(f)) {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @AfterEach
    void stopMyJobs() {
        String owner = CurrentOwner.id();
        training.jobsOf(owner).stream().filter(j -> !j.isFinal()).forEach(j -> training.stop(owner, j.id()));
    }

    static Stream<String> builderPresets() {
        return Presets.in(Offer.BUILDER).stream().map(Presets.Preset::name);
    }

    @ParameterizedTest
    @MethodSource("builderPresets")
    void trainsWithTheDataTheTrainPagePicks(String name) throws InterruptedException {
        Presets.Preset preset = Presets.find(Offer.BUILDER, name).orElseThrow();
        TrainingDashboardView view = sendToTrain(preset);
        assertEquals(TrainingSettings.CUSTOM, view.settings.network.getValue());
        assertEquals(preset.spec(), view.settings.spec());
        DataChoice picked = view.settings.dataset.getValue();
        assertNotNull(picked, name + ": a data set that fits is picked");
        assertEquals(DataCatalog.defaultFor(preset.spec(), 0, 1).dataset(), picked.dataset());
        assertTrue(view.settings.preview.data.getText().contains(view.settings.dataLabel(picked)),
                view.settings.preview.data.getText());
        if (picked.dataset().equals(DataChoice.MNIST)) {
            view.settings.dataset.setValue(DataChoice.mnist(500));
        }
        view.settings.epochs.setValue(1);
        view.settings.start.click();

        JobSnapshot s = awaitSteps(view, 3);
        assertNotEquals(JobState.FAILED, s.state(), name + ": " + s.message());
        assertTrue(s.step() >= 3 || s.state() == JobState.FINISHED, name + " trained " + s.step() + " steps");
        assertTrue(Double.isFinite(s.train().getLast().loss()), name + ": the engine reported a finite loss");
    }

    /**
     * The perceptron as a person trains it: "Train this", the page's own defaults (AND, plain SGD), Start.
     * The engine's weights move and the unit answers all four rows of AND; on XOR it cannot.
     */
    @org.junit.jupiter.api.Test
    void thePerceptronLearnsAndButNotXor() throws InterruptedException {
        TrainingDashboardView view = sendToTrain(Presets.PERCEPTRON);
        assertEquals("gate-and", view.settings.dataset.getValue().dataset(), "a perceptron starts on AND");
        assertEquals(org.nnlab.engine.optim.OptimizerKind.SGD, view.settings.optimizer.getValue());
        Sequential trained = trainToTheEnd(view);
        Sequential initial = Sequential.build(Presets.PERCEPTRON.spec(),
                new SplittableRandom(view.settings.seed.getValue()));
        assertFalse(java.util.Arrays.equals(initial.params().get(0).value().data(), trained.params().get(0).value().data()),
                "training moved the weights");
        assertEquals(4, correctRows(trained, LogicGate.AND), "AND is learned: 100 %");

        view.settings.dataset.setValue(view.settings.dataset.getListDataView().getItems()
                .filter(c -> c.dataset().equals("gate-xor")).findFirst().orElseThrow());
        assertTrue(correctRows(trainToTheEnd(view), LogicGate.XOR) < 4, "one threshold unit cannot draw XOR's border");
    }

    private static TrainingDashboardView sendToTrain(Presets.Preset preset) {
        UI.getCurrent().navigate("build");
        _get(LayerBuilderView.class);
        @SuppressWarnings("unchecked")
        Select<Presets.Preset> presets = _get(Select.class, spec -> spec.withId("build-preset"));
        presets.setValue(preset);
        _click(_get(Button.class, spec -> spec.withId("build-train")));
        return _get(TrainingDashboardView.class);
    }

    private Sequential trainToTheEnd(TrainingDashboardView view) throws InterruptedException {
        JobSnapshot before = view.current;
        view.settings.start.click();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            MockVaadin.clientRoundtrip(false);
            JobSnapshot s = view.current;
            if (s != null && s != before && (before == null || !s.id().equals(before.id())) && s.isFinal()) {
                assertEquals(JobState.FINISHED, s.state(), String.valueOf(s.message()));
                return training.latestModel(CurrentOwner.id(), s.id()).orElseThrow();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not end in time; last seen " + view.current);
    }

    private static int correctRows(Sequential model, LogicGate gate) {
        float[][] in = gate.inputs();
        int correct = 0;
        for (int i = 0; i < in.length; i++) {
            Tensor out = model.forward(Tensor.of(Shape.of(1, 2), in[i]), Mode.INFER);
            correct += (int) out.get(0) == gate.targets()[i] ? 1 : 0;
        }
        return correct;
    }

    private static JobSnapshot awaitSteps(TrainingDashboardView view, int steps) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            MockVaadin.clientRoundtrip(false);
            JobSnapshot s = view.current;
            if (s != null && (s.isFinal() || (s.step() >= steps && !s.train().isEmpty()))) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + steps + " steps in time; last seen " + view.current);
    }
}
