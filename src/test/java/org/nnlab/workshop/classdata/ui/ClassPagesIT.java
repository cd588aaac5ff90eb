package org.nnlab.workshop.classdata.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.Browser;
import org.nnlab.digits.Strokes;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.training.DataChoice;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.challenge.Challenge;
import org.nnlab.workshop.challenge.ChallengeService;
import org.nnlab.workshop.classdata.ClassData;
import org.nnlab.workshop.classdata.Classroom;
import org.nnlab.workshop.classdata.Experiment;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The class pages in real Chromium on a phone-sized window (390 px), with content: a participant's draw page
 * with experiment results and their leaderboard, then the instructor's gallery and controls, opened with the
 * key kept in the browser's localStorage as the workshop page keeps it. None may scroll sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
@ActiveProfiles("test")
class ClassPagesIT {
    @LocalServerPort
    int port;
    @Autowired
    RoomService rooms;
    @Autowired
    ClassData classData;
    @Autowired
    ChallengeService challenges;
    @Autowired
    TrainingService training;

    @Test
    void theClassPagesWorkOnAPhone() throws InterruptedException {
        Classroom room = new Classroom(rooms);
        Participant ada = room.join("Ada Lovelace-Byron");
        for (int i = 0; i < 12; i++) {
            classData.contribute(ada.owner(), i % 3 == 0 ? 0 : 1, i % 3 == 0 ? Strokes.zero(112) : Strokes.one(112));
        }
        classData.runExperiment(room.id(), room.key(), Experiment.Kind.SHIPPED_ON_CLASS);
        challenges.start(room.id(), room.key(), Challenge.Objective.MNIST_TEST, 100_000, 3, 30);
        training.start(ada.owner(), new TrainingRequest("a rather long network name for a small phone screen",
                ModelSpec.of(Mnist.IMAGE_SHAPE, new FlattenSpec(), new DenseSpec(10)), DataChoice.mnist(500),
                new OptimizerConfig(OptimizerKind.ADAM, 0.01, 0, 0), 50, 1, 3L, false, 0.1));
        for (int i = 0; i < 1200 && challenges.board(room.id()).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertEquals(1, challenges.board(room.id()).size());

        try (Browser browser = new Browser()) {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            // Ada's browser: her owner cookie before any page opens a session
            browser.driver().get(url("classdata.css"));
            browser.driver().manage().deleteAllCookies();
            browser.driver().manage().addCookie(new Cookie("nnlab-owner", ada.owner(), "/"));

            browser.open(url("workshop/draw"));
            browser.waitFor(By.id("class-prompt"));
            browser.waitForText(By.id("class-experiments"), "%");
            assertFits(browser, "workshop/draw");

            browser.open(url("workshop/leaderboard"));
            browser.waitForText(By.id("leaderboard"), "Ada Lovelace-Byron");
            assertFits(browser, "workshop/leaderboard");

            // the instructor's browser: another session, not a participant, the room's key in localStorage
            browser.driver().manage().deleteAllCookies();
            ((JavascriptExecutor) browser.driver()).executeScript("localStorage.setItem(arguments[0], arguments[1])",
                    org.nnlab.workshop.ui.InstructorKeyStorage.ITEM, room.id() + " " + room.key());
            browser.open(url("workshop/class-data"));
            browser.waitFor(By.id("class-gallery"));
            assertEquals(12, browser.driver().findElements(By.cssSelector("#class-gallery .nnlab-class-thumb")).size());
            assertFits(browser, "workshop/class-data");

            browser.open(url("workshop/leaderboard"));
            browser.waitFor(By.id("challenge-form"));
            browser.waitForText(By.id("leaderboard"), "Ada Lovelace-Byron");
            assertFits(browser, "workshop/leaderboard (instructor)");
            // the stylesheet opened first (to set the cookie) makes the browser ask for a favicon there is none of
            assertEquals(List.of(), browser.severeConsoleErrors().stream().filter(e -> !e.contains("favicon.ico")).toList());
        }
    }

    private static void assertFits(Browser browser, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                        + "return !!c && Object.values(c).every(x => !x.isActive || !x.isActive());")));
        List<?> widths = (List<?>) js.executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]");
        long scroll = ((Number) widths.get(0)).longValue();
        long inner = ((Number) widths.get(1)).longValue();
        if (scroll > inner) {
            browser.screenshot("class-pages-" + page.replaceAll("[^a-z]+", "-"));
        }
        assertTrue(scroll <= inner, page + " scrolls sideways on a phone: " + scroll + " > " + inner);
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
