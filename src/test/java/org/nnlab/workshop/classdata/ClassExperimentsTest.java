package org.nnlab.workshop.classdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.digits.DigitClassifier;
import org.nnlab.digits.DigitModel;
import org.nnlab.digits.DigitModels;
import org.nnlab.digits.ShippedDigitModels;
import org.nnlab.digits.Strokes;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The room's experiments, run by the real engine and training service on drawings kept in the database. */
@SpringBootTest(properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
@ActiveProfiles("test")
class ClassExperimentsTest {
    @Autowired
    ClassData classData;
    @Autowired
    RoomService rooms;
    @Autowired
    DigitClassifier classifier;
    @Autowired
    DigitModels models;

    @Test
    void theShippedModelOnTheClassDrawingsCountsAsAnIndependentCountDoes() throws InterruptedException {
        Classroom room = new Classroom(rooms);
        Participant ada = room.join("Ada");
        Participant bo = room.join("Bo");
        GrayImage one = Strokes.one(112);
        GrayImage zero = Strokes.zero(112);
        GrayImage seven = Strokes.smallSevenOffCentre(112);
        for (int i = 0; i < 3; i++) {
            classData.contribute(ada.owner(), 1, one);
            classData.contribute(bo.owner(), 0, zero);
            classData.contribute(ada.owner(), 7, seven);
        }
        // drawn carelessly: a 1 sent as a 4, a 0 as a 6
        classData.contribute(bo.owner(), 4, one);
        classData.contribute(bo.owner(), 6, zero);

        classData.runExperiment(room.id(), room.key(), Experiment.Kind.SHIPPED_ON_CLASS);
        Experiment done = awaitEnd(room, Experiment.Kind.SHIPPED_ON_CLASS);

        assertEquals(Experiment.State.DONE, done.state(), done.message());
        Experiment.Evaluation e = done.evaluations().getFirst();
        assertEquals(Experiment.TestSet.CLASS_ALL, e.testedOn());
        DigitModel cnn = models.find(ShippedDigitModels.CNN, null).orElseThrow();
        long[] expected = new long[100];
        int right = 0;
        List<ClassDrawing> drawings = classData.gallery(room.id(), room.key());
        for (ClassDrawing d : drawings) {
            int predicted = classifier.classifyPrepared(cnn, new GrayImage(28, 28, d.pixels()), false).prediction();
            expected[d.label() * 10 + predicted]++;
            right += predicted == d.label() ? 1 : 0;
        }
        assertEquals(11, e.samples());
        assertEquals(right, e.correct());
        assertEquals((double) right / 11, e.accuracy(), 1e-12);
        assertArrayEquals(expected, e.counts());
        assertTrue(right <= 9, "the two mislabelled drawings cannot be right: " + right);
    }

    @Test
    void networksTrainedOnTheClassDrawingsAreTestedOnHeldOutDrawingsAndOnMnist() throws InterruptedException {
        Classroom room = new Classroom(rooms);
        Participant ada = room.join("Ada");
        GrayImage[] shapes = {Strokes.zero(112), Strokes.one(112), Strokes.smallSevenOffCentre(112)};
        int[] labels = {0, 1, 7};
        for (int i = 0; i < 6; i++) {
            for (int s = 0; s < shapes.length; s++) {
                classData.contribute(ada.owner(), labels[s], shapes[s]);
            }
        }
        // 6 of each digit: the 1st and 6th are held out, 4 train
        for (Experiment.Kind kind : List.of(Experiment.Kind.CLASS_TRAINED, Experiment.Kind.MNIST_PLUS_CLASS)) {
            classData.runExperiment(room.id(), room.key(), kind);
            Experiment done = awaitEnd(room, kind);
            assertEquals(Experiment.State.DONE, done.state(), done.message());
            assertEquals(List.of(Experiment.TestSet.CLASS_HELD_OUT, Experiment.TestSet.MNIST_TEST),
                    done.evaluations().stream().map(Experiment.Evaluation::testedOn).sorted().toList());
            for (Experiment.Evaluation e : done.evaluations()) {
                assertEquals(e.testedOn() == Experiment.TestSet.MNIST_TEST ? 10_000 : 6, e.samples(), e.testedOn().name());
                long[] rowSums = new long[10];
                for (int t = 0; t < 10; t++) {
                    for (int p = 0; p < 10; p++) {
                        rowSums[t] += e.count(t, p);
                    }
                }
                if (e.testedOn() == Experiment.TestSet.CLASS_HELD_OUT) {
                    assertArrayEquals(new long[] {2, 2, 0, 0, 0, 0, 0, 2, 0, 0}, rowSums);
                }
            }
        }
    }

    private Experiment awaitEnd(Classroom room, Experiment.Kind kind) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Experiment e = classData.experiments(room.id()).stream().filter(x -> x.kind() == kind).findFirst()
                    .orElseThrow();
            if (e.state() != Experiment.State.RUNNING) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(kind + " did not end within two minutes");
    }
}
