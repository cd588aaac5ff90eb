package org.nnlab.labs.pretraining.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.OwnerCookieFilter;
import org.nnlab.engine.data.Dataset;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.pretraining.ExperimentState;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.pretraining.ExperimentRow;
import org.nnlab.labs.pretraining.PretrainingService;
import org.nnlab.labs.pretraining.RbmPoint;
import org.nnlab.training.DataChoice;
import org.nnlab.training.TrainingData;
import org.nnlab.training.ui.FakeMnist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/** The pretraining lab on the server side: real engine, scheduler and database, small settings, a stand-in for MNIST. */
@Import(PretrainingLabViewTest.SmallData.class)
@TestPropertySource(properties = {"nnlab.labs.pretraining.rbm-hidden=16", "nnlab.labs.pretraining.rbm-samples=600",
        "nnlab.labs.pretraining.rbm-epochs=2", "nnlab.labs.pretraining.measure-every=5",
        "nnlab.labs.pretraining.frame-millis=50", "nnlab.labs.pretraining.dbn-hidden=32,32",
        "nnlab.labs.pretraining.dbn-pool=400", "nnlab.labs.pretraining.few-labels=20,100",
        "nnlab.labs.pretraining.fine-tune-samples=400", "nnlab.labs.pretraining.test-samples=200", "nnlab.labs.pretraining.all-labels-epochs=5"})
class PretrainingLabViewTest extends KaribuSpringTest {
    /** FakeMnist, with 800 images standing for "all of MNIST". */
    @TestConfiguration
    static class SmallData {
        @Bean
        @Primary
        TrainingData smallMnist() {
            return new TrainingData() {
                @Override
                public Sets load(DataChoice choice) {
                    return new Sets(FakeMnist.make(trainingSize(choice), 1), FakeMnist.make(200, 2));
                }

                @Override
                public int trainingSize(DataChoice choice) {
                    return choice.size() == 0 ? 800 : Math.min(choice.size(), 800);
                }
            };
        }
    }

    @Autowired
    LabProgress progress;
    @Autowired
    PretrainingService service;

    private PretrainingLabView open() {
        UI.getCurrent().navigate(Chapter.PRETRAINING.route());
        return _get(PretrainingLabView.class);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(condition, what, Duration.ofMinutes(2));
    }

    @Test
    void theRbmLearnsLiveItsFiltersChangeAndItDreams() throws InterruptedException {
        String owner = UUID.randomUUID().toString();
        sendCookie(OwnerCookieFilter.COOKIE, owner);
        PretrainingLabView lab = open();
        RbmPanel rbm = lab.rbm;
        await("the untrained RBM is shown", () -> rbm.shown != null);
        assertEquals(0, rbm.shown.epoch());
        assertTrue(rbm.shown.curve().isEmpty());
        String noise = rbm.filters.getElement().getProperty("images");
        assertEquals(16, rbm.filters.getCount());
        assertEquals(8, rbm.reconstructions.getCount());

        _click(_get(Button.class, spec -> spec.withId("rbm-train")));
        await("two epochs are trained", () -> rbm.shown.done());
        assertNotEquals(noise, rbm.filters.getElement().getProperty("images"), "the filters changed");
        var curve = rbm.shown.curve();
        assertTrue(curve.size() >= 4, "points: " + curve.size());
        RbmPoint first = curve.getFirst();
        RbmPoint last = curve.getLast();
        assertTrue(last.heldOutError() < first.heldOutError(), first + " -> " + last);
        assertTrue(last.trainError() < first.trainError(), first + " -> " + last);
        assertTrue(Double.isFinite(last.trainFreeEnergy()) && Double.isFinite(last.heldOutFreeEnergy()));
        assertTrue(rbm.error.getOption().contains("\"data\":[["), rbm.error.getOption());
        assertTrue(rbm.status.getText().startsWith("Epoch 2 of 2"), rbm.status.getText());
        assertFalse(rbm.train.isEnabled());
        assertTrue(lab.isTaskDone("train"));

        _click(_get(Button.class, spec -> spec.withId("rbm-gibbs-digits")));
        await("the chains start at the digits", () -> rbm.dreamt != null);
        assertEquals(0, rbm.dreamt.step());
        assertEquals(8, rbm.chains.getCount());
        _click(_get(Button.class, spec -> spec.withId("rbm-gibbs-run")));
        await("ten steps are taken", () -> rbm.dreamt.step() == 10);
        assertEquals(11, rbm.strip.getCount(), "the start and one picture per step");
        assertEquals("Gibbs steps so far: 10", rbm.gibbsStep.getText());
        assertTrue(lab.isTaskDone("dream"));
        assertTrue(progress.completed(owner, Chapter.PRETRAINING).containsAll(java.util.List.of("train", "dream")));
    }

    @Test
    void theExperimentFillsItsTableAndStopsWithThePage() throws InterruptedException {
        String owner = UUID.randomUUID().toString();
        sendCookie(OwnerCookieFilter.COOKIE, owner);
        PretrainingLabView lab = open();
        ExperimentPanel experiment = lab.experiment;
        _click(_get(Button.class, spec -> spec.withId("dbn-start")));
        await("the experiment reports", () -> experiment.shown != null);
        await("the experiment is done", () -> experiment.shown.isDone());
        var rows = experiment.shown.rows();
        assertEquals(6, rows.size());
        String accuracies = rows.stream().map(r -> r.labels() + (r.pretrained() ? "p " : "r ") + r.accuracy() + " "
                + java.util.Arrays.toString(r.gradientNorms())).toList().toString();
        int[] labels = {20, 20, 100, 100, 800, 800};
        for (int i = 0; i < rows.size(); i++) {
            ExperimentRow r = rows.get(i);
            assertEquals(labels[i], r.labels());
            assertEquals(i % 2 == 1, r.pretrained());
            assertTrue(r.accuracy() >= 0 && r.accuracy() <= 1, r.toString());
            assertEquals(3, r.gradientNorms().length);
            for (double g : r.gradientNorms()) {
                assertTrue(g > 0 && Double.isFinite(g), r.toString());
            }
        }
        assertEquals(20, rows.get(0).epochs(), "400 images / 20 labels");
        assertEquals(5, rows.get(4).epochs(), "all labels: their own epochs");
        assertEquals(rows.get(0).updates(), rows.get(1).updates(), "both starts make the same updates");
        assertTrue(rows.get(5).accuracy() > 0.5, "the fake digits are easy with 800 labels: " + accuracies);
        assertEquals(7, experiment.table.getChildCount(), "a header and six runs");
        assertTrue(experiment.verdict.getText().startsWith("With 20 labels"), experiment.verdict.getText());
        assertTrue(lab.isTaskDone("compare"));

        // a second experiment may run through in one or two turns here, so watch for its first report, not its phase
        ExperimentState first = experiment.shown;
        _click(_get(Button.class, spec -> spec.withId("dbn-start")));
        await("a second experiment reports", () -> experiment.shown != first);
        int open = service.openCount();
        UI.getCurrent().navigate(Chapter.INDEX_ROUTE);
        assertTrue(service.openCount() < open, "leaving the page closes its RBM (and its experiment when still running)");

        newSession();
        sendCookie(OwnerCookieFilter.COOKIE, owner);
        assertTrue(open().isTaskDone("compare"), "remembered");
    }
}
