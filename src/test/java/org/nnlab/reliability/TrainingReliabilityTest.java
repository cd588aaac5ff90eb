package org.nnlab.reliability;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JdbcRunJournal;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.ManualTraining;
import org.nnlab.training.TrainingData;
import org.nnlab.training.TrainingProperties;
import org.nnlab.training.TrainingRefusedException;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;
import org.nnlab.training.ui.FakeMnist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 11, defects 1 and 7: one training run cannot take the server's memory, and every request field is checked. */
class TrainingReliabilityTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);
    private static final long MB = 1024 * 1024;
    private final Images data = new Images();
    private ManualTraining lab = new ManualTraining(
            new TrainingProperties(2, 1_000_000, 2, 1, 40, 5, 5_000_000, 1_200_000, 5, 3, 120), data);
    private TrainingService service = lab.service();

    @AfterEach
    void close() {
        lab.close();
    }

    /** Flatten, 300 ReLU layers 784 wide, Dense 10: 7,850 parameters, almost 2 GB of activations at batch 1024. */
    static ModelSpec reluTower(int relus) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new FlattenSpec());
        for (int i = 0; i < relus; i++) {
            layers.add(new ReluSpec());
        }
        layers.add(new DenseSpec(10));
        return new ModelSpec(IMAGE, layers);
    }

    static TrainingRequest request(ModelSpec spec, int samples, int batch) {
        return new TrainingRequest("tower", spec, new DataChoice("images", samples),
                new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0, 0), batch, 1, 1, false, 0);
    }

    @Test
    void threeHundredReluLayersAtBatch1024AreRefusedBeforeTheyTakeTheHeap() {
        ModelSpec tower = reluTower(300);
        assertEquals(7850, tower.paramCount());
        TrainingRequest probe = request(tower, 2048, 1024);
        // the surefire heap is 4 GB: the default per-run limit (a quarter of it) refuses the run
        var byDefault = assertThrows(TrainingRefusedException.class, () -> service.start("probe", probe));
        assertEquals("train.error.tooMuchMemory", byDefault.messageKey());

        // as on the probed server (-Xmx1g): a quarter per run, half for all runs
        useService(service.properties().withMemoryLimits(256 * MB, 512 * MB));
        var e = assertThrows(TrainingRefusedException.class, () -> service.start("probe", probe));
        assertEquals("train.error.tooMuchMemory", e.messageKey());
        long needed = TrainingService.memoryNeeded(probe, 2048);
        assertTrue(needed > 300L * 2 * 784 * 1024 * 4, "every ReLU keeps its output and input gradient: " + needed);
        assertEquals(List.of("2.0 GB", "256.0 MB"), List.of(e.arguments()));
        assertEquals("This run would need about 2.0 GB of memory to train; the limit per run here is 256.0 MB."
                + " Use a smaller batch size or fewer, smaller layers.", text(Locale.ROOT, e));
        assertEquals("这次训练大约需要 2.0 GB 内存，这里每次训练的上限是 256.0 MB。请减小批大小，或减少、缩小网络层。",
                text(Locale.SIMPLIFIED_CHINESE, e));
        assertEquals(0, lab.reservedBytes());
        assertTrue(service.jobsOf("probe").isEmpty(), "nothing was started");
    }

    @Test
    void aRunJustBelowTheLimitTrainsAndOneByteMoreIsRefused() throws InterruptedException {
        TrainingRequest run = request(reluTower(20), 200, 50);
        long needed = TrainingService.memoryNeeded(run, 200);
        useService(service.properties().withMemoryLimits(needed - 1, 4 * needed));
        assertEquals("train.error.tooMuchMemory",
                assertThrows(TrainingRefusedException.class, () -> service.start("kim", run)).messageKey());

        useService(service.properties().withMemoryLimits(needed, 4 * needed));
        JobSnapshot started = service.start("kim", run);
        assertEquals(JobState.RUNNING, started.state());
        assertEquals(needed, lab.reservedBytes());
        runUntilIdle();
        assertEquals(JobState.FINISHED, service.snapshot("kim", started.id()).state());
        assertEquals(0, lab.reservedBytes(), "an ended run gives its memory back");
        assertTrue(service.modelFile("kim", started.id()).length > 7850 * 4, "the trained model can still be saved");
    }

    @Test
    void aRunThatFitsButNotNowWaitsForMemoryAndStartsWhenItIsFree() throws InterruptedException {
        TrainingRequest run = request(reluTower(20), 200, 50);
        long needed = TrainingService.memoryNeeded(run, 200);
        useService(service.properties().withMemoryLimits(needed, needed * 3 / 2));
        JobId first = service.start("ann", run).id();
        JobSnapshot second = service.start("bob", run);
        assertEquals(JobState.QUEUED, second.state(), "both runs together would need more than the server allows");
        assertEquals(1, second.queuePosition());
        assertEquals(1, lab.placesTaken(), "a place is free, the memory is not");

        service.pause("ann", first);
        assertEquals(JobState.QUEUED, service.snapshot("bob", second.id()).state(), "a paused run keeps its memory");
        assertEquals(JobState.RUNNING, service.resume("ann", first).state(), "it needs only a place to go on");
        assertEquals(needed, lab.reservedBytes());
        service.stop("ann", first);
        runUntilIdle();
        assertEquals(JobState.CANCELLED, service.snapshot("ann", first).state());
        assertEquals(JobState.FINISHED, service.snapshot("bob", second.id()).state(), "it got the memory and trained");
        assertEquals(0, lab.reservedBytes());
    }

    @Test
    void aFailedRunFreesEverythingAtOnce() throws InterruptedException {
        // test images the network cannot read: training goes well, scoring at the end throws
        data.testOfWrongShape = true;
        JobId id = service.start("cy", request(reluTower(2), 200, 20)).id();
        assertTrue(lab.reservedBytes() > 0);
        lab.runNextSlice();
        WeakReference<Tensor> samples = new WeakReference<>(data.lastTrainingImages);
        data.lastTrainingImages = null;
        runUntilIdle();
        JobSnapshot failed = service.snapshot("cy", id);
        assertEquals(JobState.FAILED, failed.state());
        assertFalse(failed.train().isEmpty(), "the page keeps the history");
        assertEquals(0, lab.reservedBytes(), "the failed run's memory is accounted free");
        for (int i = 0; i < 20 && samples.get() != null; i++) {
            System.gc();
        }
        assertNull(samples.get(), "nothing the failed run trained with (trainer, model, data views) is reachable");
        data.testOfWrongShape = false;

        useService(service.properties().withMaxLearningRate(1e40));
        TrainingRequest diverging = new TrainingRequest("tower", reluTower(2), new DataChoice("images", 200),
                new OptimizerConfig(OptimizerKind.SGD, 1e39, 0, 0), 20, 3, 1, false, 0);
        JobId diverged = service.start("dan", diverging).id();
        runUntilIdle();
        JobSnapshot s = service.snapshot("dan", diverged);
        assertEquals(JobState.FAILED, s.state());
        assertTrue(s.message().english().contains("diverged"), s.message().english());
        assertEquals(0, lab.reservedBytes());
        assertTrue(service.modelFile("dan", diverged).length > 0, "the last good weights can still be saved");

        // labels 0..9 for a network with 5 outputs: the engine refuses the data when the run begins
        JobId broken = service.start("eve", request(ModelSpec.of(IMAGE, new FlattenSpec(), new DenseSpec(5)), 100, 10)).id();
        runUntilIdle();
        assertEquals(JobState.FAILED, service.snapshot("eve", broken).state(), "an exception while preparing");
        assertEquals(0, lab.reservedBytes());
    }

    @Test
    void batchSizeAndEpochsTypedPastTheFormsLimitsAreRefusedByTheServer() {
        ModelSpec small = reluTower(1);
        var batch = assertThrows(TrainingRefusedException.class, () -> service.start("probe", request(small, 100, 100_000)));
        assertEquals("train.error.batchSize", batch.messageKey());
        TrainingRequest longRun = new TrainingRequest("tower", small, new DataChoice("images", 100),
                new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0, 0), 10, 200, 1, false, 0);
        var epochs = assertThrows(TrainingRefusedException.class, () -> service.start("probe", longRun));
        assertEquals("train.error.epochs", epochs.messageKey());
        assertEquals("The number of epochs must be between 1 and 100; 200 was given.", text(Locale.ROOT, epochs));
        assertEquals("轮数必须在 1 到 100 之间，现在是 200。", text(Locale.SIMPLIFIED_CHINESE, epochs));
    }

    @Test
    void everyOtherRequestFieldIsCheckedOnTheServer() {
        ModelSpec small = reluTower(1);
        OptimizerConfig adam = new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0, 0);
        Map<String, TrainingRequest> bad = new LinkedHashMap<>();
        bad.put("train.error.learningRate", new TrainingRequest("t", small, new DataChoice("images", 100),
                new OptimizerConfig(OptimizerKind.SGD, 1e6, 0, 0), 10, 1, 1, false, 0));
        bad.put("train.error.weightDecay", new TrainingRequest("t", small, new DataChoice("images", 100),
                new OptimizerConfig(OptimizerKind.SGD, 0.1, 0, 50), 10, 1, 1, false, 0));
        bad.put("train.error.validationFraction", new TrainingRequest("t", small, new DataChoice("images", 100),
                adam, 10, 1, 1, false, 0.9));
        bad.put("train.error.dataSize", new TrainingRequest("t", small, new DataChoice("images", 100_000),
                adam, 10, 1, 1, false, 0));
        bad.put("train.error.networkName", new TrainingRequest("n".repeat(500), small, new DataChoice("images", 100),
                adam, 10, 1, 1, false, 0));
        bad.put("train.error.augment", new TrainingRequest("t", ModelSpec.of(Shape.of(784), new DenseSpec(10)),
                new DataChoice("images", 100), adam, 10, 1, 1, true, 0));
        for (var entry : bad.entrySet()) {
            var e = assertThrows(TrainingRefusedException.class, () -> service.start("probe", entry.getValue()), entry.getKey());
            assertEquals(entry.getKey(), e.messageKey());
            assertFalse(text(Locale.ROOT, e).isBlank());
            assertFalse(text(Locale.SIMPLIFIED_CHINESE, e).equals(text(Locale.ROOT, e)), "translated: " + entry.getKey());
        }
        assertTrue(service.jobsOf("probe").isEmpty());
    }

    /**
     * Issue 11, defect 9: a restart loses the runs in memory; the journal in the database lets the Train page
     * tell their owners on the next visit, once. The real context on H2; the restart is what a server start does,
     * a new {@link JdbcRunJournal} on the same database.
     */
    @Nested
    class AfterARestart extends KaribuSpringTest {
        @Autowired
        JdbcClient jdbc;
        @Autowired
        TrainingData mnist;
        @Autowired
        TrainingService training;

        @Test
        void theOwnerOfARunningRunIsToldOnceOnTheNextVisit() throws InterruptedException {
            String owner = CurrentOwner.id();
            TrainingRequest lenet = new TrainingRequest("lenet", Presets.LENET.spec(), DataChoice.mnist(1000),
                    Presets.LENET.training().optimizer(), 64, 2, 1, false, 0.1);
            JobId finished;
            JobId running;
            // before the restart: one run ends, one is still going (no workers here: nobody trains them)
            TrainingProperties twoEach = TrainingProperties.defaults().withLimits(2, 32, 100);
            try (ManualTraining manual = new ManualTraining(twoEach, mnist, null, new JdbcRunJournal(jdbc))) {
                TrainingService before = manual.service();
                finished = before.start(owner, lenet).id();
                before.stop(owner, finished);
                manual.runNextSlice();
                before.start("somebody-else", lenet);
                running = before.start(owner, lenet).id();
            }
            assertEquals("CANCELLED", outcome(finished));
            assertNull(outcome(running));

            new JdbcRunJournal(jdbc);
            assertEquals("INTERRUPTED", outcome(running));
            assertEquals("CANCELLED", outcome(finished), "a run that had ended is left alone");

            newSession();
            VaadinSession.getCurrent().setAttribute(CurrentOwner.SESSION_ATTRIBUTE, owner);
            UI.getCurrent().navigate("train");
            Div notice = _get(Div.class, spec -> spec.withId("interrupted-runs"));
            assertTrue(notice.isVisible());
            String text = notice.getElement().getTextRecursively();
            assertTrue(text.startsWith("Your run LeNet-5 on MNIST, first 1,000 images stopped when the server restarted at "), text);
            assertTrue(text.endsWith("UTC. Start it again."), text);
            assertEquals(1, notice.getComponentCount(), "only this owner's interrupted run");

            UI.getCurrent().navigate("build");
            UI.getCurrent().navigate("train");
            assertTrue(_find(Div.class, spec -> spec.withId("interrupted-runs")).isEmpty(), "told once: no notice now");
        }

        @Test
        void theTrainPageShowsTheServersRefusalOfValuesTypedPastTheFormsLimits() {
            UI.getCurrent().navigate("train");
            IntegerField batchSize = _get(IntegerField.class, spec -> spec.withId("batch-size"));
            IntegerField epochs = _get(IntegerField.class, spec -> spec.withId("epochs"));
            Button start = _get(Button.class, spec -> spec.withId("start"));
            batchSize.setValue(100_000);
            start.click();
            assertEquals("The batch size must be between 1 and 1,024; 100,000 was given.", lastNotification());
            batchSize.setValue(64);
            epochs.setValue(200);
            start.click();
            assertEquals("The number of epochs must be between 1 and 100; 200 was given.", lastNotification());
            assertTrue(training.jobsOf(CurrentOwner.id()).isEmpty(), "no run started");
        }

        private static String lastNotification() {
            return NotificationsKt.getNotifications().getLast().getElement().getProperty("text", "");
        }

        private String outcome(JobId id) {
            return jdbc.sql("SELECT outcome FROM training_run WHERE id = ?").param(id.value())
                    .query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
        }
    }

    private void useService(TrainingProperties properties) {
        lab.close();
        lab = new ManualTraining(properties, data);
        service = lab.service();
    }

    private void runUntilIdle() {
        lab.runUntilIdle();
    }

    /** The refusal as the dashboard shows it: the bundle's text with the arguments filled in. */
    private static String text(Locale locale, TrainingRefusedException e) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/train", locale);
        return new MessageFormat(bundle.getString(e.messageKey()), locale).format(e.arguments());
    }

    /** Easy 28×28 images of 10 classes ({@link FakeMnist}), as many as the data choice asks for, up to {@value #SIZE}. */
    static final class Images implements TrainingData {
        static final int SIZE = 5000;

        /** The stored images of the last training set handed out. */
        Tensor lastTrainingImages;
        /** Hand out test images of 4×4 pixels, which no network here can read. */
        boolean testOfWrongShape;

        @Override
        public Sets load(DataChoice choice) {
            Dataset train = FakeMnist.make(choice.size(), 1);
            lastTrainingImages = train.inputs();
            Dataset test = FakeMnist.make(50, 2);
            return new Sets(train, testOfWrongShape ? new Dataset(new Tensor(Shape.of(50, 1, 4, 4), new float[800]),
                    new int[50]) : test);
        }

        @Override
        public int trainingSize(DataChoice choice) {
            if (!choice.dataset().equals("images")) {
                throw new IllegalArgumentException("unknown data set " + choice.dataset());
            }
            return choice.size() == 0 ? SIZE : Math.min(choice.size(), SIZE);
        }
    }
}
