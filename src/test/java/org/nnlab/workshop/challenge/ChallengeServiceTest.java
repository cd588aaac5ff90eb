package org.nnlab.workshop.challenge;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobId;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomService;
import org.nnlab.builder.SpecLinks;
import org.nnlab.workshop.challenge.ui.LeaderboardView;
import org.nnlab.workshop.classdata.Classroom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A challenge with real participants' runs: trained by the training service on MNIST, scored by the engine on
 * the MNIST test images, judged and kept in the database, and shown on the leaderboard page.
 */
@SpringBootTest(properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
class ChallengeServiceTest extends KaribuSpringTest {
    private static final ModelSpec SMALL = ModelSpec.of(Mnist.IMAGE_SHAPE, new FlattenSpec(), new DenseSpec(10));
    private static final ModelSpec WIDE = ModelSpec.of(Mnist.IMAGE_SHAPE, new FlattenSpec(), new DenseSpec(32),
            new ReluSpec(), new DenseSpec(10));

    @Autowired
    ChallengeService challenges;
    @Autowired
    RoomService rooms;
    @Autowired
    TrainingService training;

    private static TrainingRequest run(String name, ModelSpec spec, int epochs) {
        return new TrainingRequest(name, spec, DataChoice.mnist(500), new OptimizerConfig(OptimizerKind.ADAM, 0.01, 0, 0),
                50, epochs, 7L, false, 0.1);
    }

    /** Trains {@code request} as the participant and waits until the challenge has judged the run. */
    private Entry trainAndAwaitEntry(Classroom room, Participant p, TrainingRequest request) throws InterruptedException {
        JobId job = training.start(p.owner(), request).id();
        for (int i = 0; i < 1800; i++) {
            List<Entry> mine = challenges.entriesOf(room.id(), p.id());
            for (Entry e : mine) {
                if (e.jobId().equals(job.toString())) {
                    return e;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run of " + p.nickname() + " was not judged within three minutes");
    }

    @Test
    void finishedRunsEnterRankedWithTiesByTimeAndRunsOverTheLimitsAreTurnedAwayWithTheReason() throws InterruptedException {
        Classroom room = new Classroom(rooms);
        Participant ada = room.join("Ada");
        Participant bo = room.join("Bo");
        Participant cy = room.join("Cy");
        challenges.start(room.id(), room.key(), Challenge.Objective.MNIST_TEST, 10_000, 1, 30);

        Entry first = trainAndAwaitEntry(room, ada, run("ada-net", SMALL, 1));
        Entry second = trainAndAwaitEntry(room, bo, run("bo-net", SMALL, 1));
        Entry tooWide = trainAndAwaitEntry(room, cy, run("cy-wide", WIDE, 1));
        Entry tooLong = trainAndAwaitEntry(room, cy, run("cy-long", SMALL, 2));

        assertTrue(first.accepted() && second.accepted());
        assertTrue(first.accuracy() > 0.5 && first.accuracy() <= 1, "accuracy on MNIST test: " + first.accuracy());
        assertEquals(first.accuracy(), second.accuracy(), "the same seeded run on the same data scores the same");
        assertEquals(7850, first.parameters());
        assertEquals(false, tooWide.accepted());
        assertEquals("challenge.refused.parameters", tooWide.reasonKey());
        assertEquals(List.of("25450", "10000"), tooWide.reasonArgs());
        assertEquals(false, tooLong.accepted());
        assertEquals("challenge.refused.epochs", tooLong.reasonKey());

        List<Leaderboard.Row> board = challenges.board(room.id());
        assertEquals(List.of(ada.id(), bo.id()), board.stream().map(r -> r.entry().participantId()).toList(),
                "equal accuracy: Ada finished first");
        assertEquals(List.of(1, 2), board.stream().map(Leaderboard.Row::rank).toList());

        // Cy's page says why their runs are not on the board
        VaadinSession.getCurrent().setAttribute(CurrentOwner.SESSION_ATTRIBUTE, cy.owner());
        UI.getCurrent().navigate("workshop/leaderboard");
        String page = _get(LeaderboardView.class).getElement().getTextRecursively();
        assertTrue(page.contains("The network has 25450 parameters; the budget is 10000."), page);
        assertTrue(page.contains("It trained 2 epochs; at most 1 count."), page);
        assertTrue(page.contains("Ada") && page.contains("Bo"), page);

        // "let's look at this one": Bo's network, for everyone to open in Build
        String link = challenges.reveal(room.id(), room.key(), second.id());
        assertEquals(SMALL, SpecLinks.decode(link.substring("build?spec=".length())));
        assertEquals(second.id(), challenges.revealed(room.id()).orElseThrow().id());
        UI.getCurrent().navigate("workshop/draw");
        UI.getCurrent().navigate("workshop/leaderboard");
        assertTrue(_get(LeaderboardView.class).getElement().getTextRecursively().contains("The instructor shows Bo's network"));
    }

    @Test
    void onlyTheInstructorStartsStopsOrReveals() {
        Classroom room = new Classroom(rooms);
        Participant ada = room.join("Ada");
        Classroom other = new Classroom(rooms);
        for (String crafted : new String[] {null, "", ada.owner(), ada.id(), other.key()}) {
            assertThrows(LocalizedException.class, () -> challenges.start(room.id(), crafted,
                    Challenge.Objective.MNIST_TEST, 1000, 1, 5));
            assertThrows(LocalizedException.class, () -> challenges.stop(room.id(), crafted));
            assertThrows(LocalizedException.class, () -> challenges.reveal(room.id(), crafted, 1));
        }
        assertTrue(challenges.current(room.id()).isEmpty());
        LocalizedException badLimits = assertThrows(LocalizedException.class, () -> challenges.start(room.id(),
                room.key(), Challenge.Objective.MNIST_TEST, 0, 1, 5));
        assertEquals("challenge.error.badLimits", badLimits.messageKey());
    }
}
