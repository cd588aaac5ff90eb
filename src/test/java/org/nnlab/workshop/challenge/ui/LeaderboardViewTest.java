package org.nnlab.workshop.challenge.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.challenge.Challenge;
import org.nnlab.workshop.challenge.ChallengeService;
import org.nnlab.workshop.classdata.Classroom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The leaderboard page as the instructor uses it: nothing without the key, then the challenge controls. */
@SpringBootTest(properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
class LeaderboardViewTest extends KaribuSpringTest {
    @Autowired
    RoomService rooms;
    @Autowired
    ChallengeService challenges;

    @Test
    void theInstructorStartsAndClosesAChallengeFromThePage() {
        Classroom room = new Classroom(rooms);
        UI.getCurrent().navigate("workshop/leaderboard");
        LeaderboardView view = _get(LeaderboardView.class);
        assertTrue(view.getElement().getTextRecursively().contains("You are not in a workshop room"));
        assertThrows(LocalizedException.class, () -> view.instruct(room.id(), "guessed"));
        assertTrue(challenges.current(room.id()).isEmpty());

        view.instruct(room.id(), room.key());
        ChallengeForm form = _get(ChallengeForm.class);
        form.objective.setValue(Challenge.Objective.CLASS_HELD_OUT);
        form.parameters.setValue(20_000);
        form.epochs.setValue(3);
        form.minutes.setValue(15);
        form.start.click();

        Challenge c = challenges.current(room.id()).orElseThrow();
        assertEquals(Challenge.Objective.CLASS_HELD_OUT, c.objective());
        assertEquals(20_000, c.maxParameters());
        assertEquals(3, c.maxEpochs());
        assertEquals(15 * 60, c.endsAt().getEpochSecond() - c.startedAt().getEpochSecond());
        view.refresh();
        assertTrue(view.info.getElement().getTextRecursively().contains("at most 20,000 parameters and 3 epochs"),
                view.info.getElement().getTextRecursively());

        form.stop.click();
        assertTrue(challenges.current(room.id()).orElseThrow().stoppedAt() != null);
    }
}
