package org.nnlab.workshop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
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

    private static void type(Browser browser, String id, String text) {
        var input = browser.waitFor(By.cssSelector("#" + id + " input"));
        input.clear();
        input.sendKeys(text, Keys.TAB);
    }

    private static void click(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", browser.waitFor(By.id(id)));
    }

    private static String text(WebDriver driver, String id) {
        Object t = ((JavascriptExecutor) driver).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.innerText : '';", id);
        return t == null ? "" : t.toString();
    }

    private static WebDriverWait waiting(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(20));
    }

    @Test
    void anInstructorAndAParticipant() {
        try (Browser instructor = new Browser(); Browser participant = new Browser()) {
            instructor.driver().manage().window().setSize(new Dimension(390, 844));
            instructor.open(url("workshop"));
            type(instructor, "room-title", "Evening class");
            click(instructor, "room-create");
            instructor.waitFor(By.id("room-code"));
            String code = text(instructor.driver(), "room-code").strip();
            assertEquals(6, code.length(), code);
            instructor.waitFor(By.id("room-qr"));
            List<?> widths = (List<?>) ((JavascriptExecutor) instructor.driver()).executeScript(
                    "return [document.documentElement.scrollWidth, window.innerWidth];");
            assertTrue(((Number) widths.get(0)).longValue() <= ((Number) widths.get(1)).longValue(), "no sideways scroll: " + widths);

            instructor.open(url("workshop"));
            waiting(instructor).until(d -> code.equals(text(d, "room-code").strip()));

            participant.open(url("join/" + code));
            type(participant, "join-nickname", "Ada");
            long clicked = System.nanoTime();
            click(participant, "join-submit");
            waiting(instructor).until(d -> text(d, "participant-grid").contains("Ada"));
            long pushMillis = (System.nanoTime() - clicked) / 1_000_000;
            System.out.println("join click to the instructor's grid: " + pushMillis + " ms");
            waiting(participant).until(d -> text(d, "room-banner-who").contains("Ada"));

            click(instructor, "push-setup");
            waiting(instructor).until(d -> !text(d, "setup-sent").isBlank());
            waiting(participant).until(d -> !text(d, "room-open-setup").isBlank());
            click(participant, "room-open-setup");
            waiting(participant).until(d -> text(d, "train-sent-setup").contains("Evening class"));
            assertTrue(instructor.severeConsoleErrors().isEmpty(), instructor.severeConsoleErrors().toString());
            assertTrue(participant.severeConsoleErrors().isEmpty(), participant.severeConsoleErrors().toString());
        }
    }
}
