package org.nnlab.workshop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A workshop in real Chromium, one browser (own profile) per person: the instructor opens a room on a phone-sized
 * window, a reload finds the room again through the key kept in the browser, a participant joins by the link,
 * appears in the instructor's grid by push, and receives a pushed setup on the Train page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkshopIT {
    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    @Test
    void anInstructorAndAParticipant() {
        try (Browser instructor = new Browser(); Browser participant = new Browser()) {
            instructor.driver().manage().window().setSize(new Dimension(390, 844));
            instructor.open(url("workshop"));
            instructor.type("room-title", "Evening class");
            instructor.click("room-create");
            instructor.waitFor(By.id("room-code"));
            String code = instructor.text("room-code").strip();
            assertEquals(6, code.length(), code);
            instructor.waitFor(By.id("room-qr"));
            List<?> widths = (List<?>) ((JavascriptExecutor) instructor.driver()).executeScript(
                    "return [document.documentElement.scrollWidth, window.innerWidth];");
            assertTrue(((Number) widths.get(0)).longValue() <= ((Number) widths.get(1)).longValue(), "no sideways scroll: " + widths);

            instructor.open(url("workshop"));
            instructor.waiting().until(d -> code.equals(instructor.text("room-code").strip()));

            participant.open(url("join/" + code));
            participant.type("join-nickname", "Ada");
            long clicked = System.nanoTime();
            participant.click("join-submit");
            instructor.waiting().until(d -> instructor.text("participant-grid").contains("Ada"));
            long pushMillis = (System.nanoTime() - clicked) / 1_000_000;
            System.out.println("join click to the instructor's grid: " + pushMillis + " ms");
            participant.waiting().until(d -> participant.text("room-banner-who").contains("Ada"));

            instructor.click("push-setup");
            instructor.waiting().until(d -> !instructor.text("setup-sent").isBlank());
            participant.waiting().until(d -> !participant.text("room-open-setup").isBlank());
            participant.click("room-open-setup");
            participant.waiting().until(d -> participant.text("train-sent-setup").contains("Evening class"));
            assertTrue(instructor.severeConsoleErrors().isEmpty(), instructor.severeConsoleErrors().toString());
            assertTrue(participant.severeConsoleErrors().isEmpty(), participant.severeConsoleErrors().toString());
        }
    }
}
