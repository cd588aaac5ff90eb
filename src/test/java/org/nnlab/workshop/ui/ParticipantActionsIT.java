package org.nnlab.workshop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomService;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The instructor runs the room from a 390 px phone: each row's rename and remove buttons are on screen without
 * scrolling the grid sideways, and pressing them (real clicks, where a finger would land) renames and removes. The
 * removed participant, on a phone too, is told so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ParticipantActionsIT {
    /**
     * Whether a button lies inside the grid's box and the window as the grid is drawn (not scrolled sideways), and
     * whether a tap at its centre, once the page is scrolled to it, hits it.
     */
    private static final String WHERE = """
            const b = document.getElementById(arguments[0]), g = document.getElementById('participant-grid');
            const r0 = b.getBoundingClientRect(), gr = g.getBoundingClientRect();
            const inside = r0.width > 0 && r0.left >= gr.left && r0.right <= gr.right && r0.right <= window.innerWidth;
            b.scrollIntoView({block: 'center', inline: 'nearest'});
            const r = b.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return {inside: inside, reached: !!hit && (hit === b || b.contains(hit)), hit: hit ? hit.tagName : null,
                    box: [Math.round(r0.left), Math.round(r0.right), Math.round(gr.right), window.innerWidth]};""";

    @LocalServerPort
    int port;
    @Autowired
    RoomService rooms;

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    @Test
    void renameAndRemoveAreWithinReachOnAPhone() {
        try (Browser instructor = new Browser(); Browser ada = new Browser()) {
            instructor.driver().manage().window().setSize(new Dimension(390, 844));
            ada.driver().manage().window().setSize(new Dimension(390, 844));
            instructor.open(url("workshop"));
            instructor.type("room-title", "Phone class");
            instructor.click("room-create");
            instructor.waitFor(By.id("room-code"));
            String code = instructor.text("room-code").strip();

            ada.open(url("join/" + code));
            ada.type("join-nickname", "Ada");
            ada.click("join-submit");
            // a minute, not the usual 30 s: on this 2-core machine, shared with other builds, the join once took longer
            new WebDriverWait(ada.driver(), Duration.ofSeconds(60)).until(d -> ada.text("room-banner-who").contains("Ada"));
            Participant bo = rooms.join(code, "Bo with a long nickname", UUID.randomUUID().toString(), "10.9.9.9");
            instructor.waiting().until(d -> instructor.text("participant-grid").contains("Bo with"));
            Participant adaInRoom = rooms.participants(bo.roomId()).stream()
                    .filter(p -> p.nickname().equals("Ada")).findFirst().orElseThrow();

            for (Participant p : List.of(adaInRoom, bo)) {
                for (String action : List.of("rename-", "remove-")) {
                    WebElement button = instructor.waitFor(By.id(action + p.id()));
                    Map<?, ?> where = (Map<?, ?>) ((JavascriptExecutor) instructor.driver()).executeScript(WHERE, button.getAttribute("id"));
                    assertEquals(Boolean.TRUE, where.get("inside"), action + p.nickname() + " on screen: " + where);
                    assertEquals(Boolean.TRUE, where.get("reached"), action + p.nickname() + " reachable by a tap: " + where);
                }
            }
            instructor.screenshot("participant-actions-phone");

            instructor.waitFor(By.id("rename-" + bo.id())).click();
            instructor.type("rename-nickname", "Bo");
            instructor.waitFor(By.id("rename-ok")).click();
            instructor.waiting().until(d -> !instructor.text("participant-grid").contains("Bo with"));
            assertEquals("Bo", rooms.participant(bo.id()).orElseThrow().nickname());

            instructor.waitFor(By.id("remove-" + adaInRoom.id())).click();
            WebElement confirm = instructor.waiting().until(d -> d.findElements(By.cssSelector("[slot='confirm-button']"))
                    .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
            confirm.click();
            instructor.waiting().until(d -> !instructor.text("participant-grid").contains("Ada"));
            assertTrue(rooms.participant(adaInRoom.id()).isEmpty());

            ada.waitFor(By.id("room-removed"));
            assertTrue(ada.text("room-removed").contains("Phone class"), ada.text("room-removed"));
            ada.screenshot("participant-removed-phone");
            assertTrue(instructor.severeConsoleErrors().isEmpty(), instructor.severeConsoleErrors().toString());
            assertTrue(ada.severeConsoleErrors().isEmpty(), ada.severeConsoleErrors().toString());
        }
    }
}
