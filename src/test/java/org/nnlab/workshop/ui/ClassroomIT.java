package org.nnlab.workshop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A class in real Chromium, each person in a browser of their own (a fresh profile each): an instructor and three
 * participants. The three join with the room's code; the setup the instructor sends arrives, filled in and
 * announced, on all three Train pages; a digit one of them draws for the class shows up in the instructor's
 * gallery while it is open; and a run another of them trains from the sent setup enters the challenge and is
 * pushed to the leaderboard both the instructor and a third participant are looking at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
@ActiveProfiles("test")
class ClassroomIT {
    private static final List<String> NICKNAMES = List.of("Ada", "Boole", "Church");
    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    @Test
    void anInstructorAndThreeParticipants() {
        List<Browser> participants = new ArrayList<>();
        try (Browser instructor = new Browser()) {
            instructor.open(url("workshop"));
            instructor.type("room-title", "Thursday class");
            // one epoch is all a run of this room may have: the run below stays short
            instructor.type("room-max-epochs", "1");
            instructor.click("room-create");
            instructor.waitFor(By.id("room-code"));
            String code = instructor.text("room-code").strip();

            for (String nickname : NICKNAMES) {
                Browser participant = new Browser();
                participants.add(participant);
                participant.open(url("join"));
                participant.type("join-code", code.toLowerCase(Locale.ROOT));
                participant.type("join-nickname", nickname);
                participant.click("join-submit");
                participant.waiting().until(d -> participant.text("room-banner-who").contains(nickname));
            }
            instructor.waiting().until(d -> NICKNAMES.stream().allMatch(instructor.text("participant-grid")::contains));

            instructor.click("push-setup");
            instructor.waiting().until(d -> !instructor.text("setup-sent").isBlank());
            for (Browser participant : participants) {
                participant.waiting().until(d -> !participant.text("room-open-setup").isBlank());
                participant.click("room-open-setup");
                participant.waiting().until(d -> participant.text("train-sent-setup").contains("Thursday class"));
                String banner = participant.text("train-sent-setup");
                assertTrue(banner.startsWith("Your instructor sent") && banner.contains("1 epochs"), banner);
            }

            // Ada draws for the class while the instructor watches the gallery
            instructor.open(url("workshop/class-data"));
            instructor.waitFor(By.id("class-gallery"));
            assertEquals(0, thumbnails(instructor));
            Browser ada = participants.get(0);
            ada.open(url("workshop/draw"));
            WebElement pad = ada.waitFor(By.id("class-pad")).getShadowRoot().findElement(By.cssSelector("canvas"));
            ada.waiting().until(d -> pad.getSize().getWidth() > 100);
            ada.stroke(pad, PointerInput.Kind.MOUSE, List.of(new double[] {0.5, 0.15}, new double[] {0.5, 0.5},
                    new double[] {0.48, 0.85}));
            ada.waiting().until(d -> d.findElement(By.id("class-send")).isEnabled());
            ada.click("class-send");
            instructor.waiting().until(d -> thumbnails(instructor) == 1);

            // a challenge on MNIST; Church trains the sent setup while Boole and the instructor watch the board
            instructor.open(url("workshop/leaderboard"));
            instructor.click("challenge-start");
            instructor.waiting().until(d -> instructor.text("challenge-info").contains("Open until"));
            Browser boole = participants.get(1);
            boole.open(url("workshop/leaderboard"));
            boole.waiting().until(d -> boole.text("challenge-info").contains("Open until"));
            Browser church = participants.get(2);
            church.click("start");
            instructor.waiting().until(d -> instructor.text("leaderboard").contains("Church"));
            boole.waiting().until(d -> boole.text("leaderboard").contains("Church"));
            assertTrue(boole.text("leaderboard").contains("%"), boole.text("leaderboard"));

            assertEquals(List.of(), instructor.severeConsoleErrors());
            for (Browser participant : participants) {
                assertEquals(List.of(), participant.severeConsoleErrors());
            }
        } finally {
            participants.forEach(Browser::close);
        }
    }

    private static int thumbnails(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#class-gallery .nnlab-class-thumb")).size();
    }
}
