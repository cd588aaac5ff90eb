package org.nnlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nnlab.Browser;
import org.nnlab.MnistFiles;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two nodes of one cluster behind HAProxy (see {@link TwoNodes}): what one node knows, the other knows
 * too (health, the classify limit, presence, rooms), and when one node dies the other goes on serving its
 * browsers, with their data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static TwoNodes nodes;
    /** A participant whose browser the balancer keeps on node 2, until node 2 dies. */
    private static Browser participant;

    @BeforeAll
    static void start() throws Exception {
        nodes = new TwoNodes().start("--nnlab.classify.rate-limit.burst=6",
                "--nnlab.classify.rate-limit.per-second=0.05");
    }

    @AfterAll
    static void stop() throws Exception {
        if (participant != null) {
            participant.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void healthThroughTheBalancerShowsBothMembersAndTheDatabase() throws Exception {
        String health = nodes.get(nodes.balancer, "/actuator/health", null).body();
        assertTrue(health.contains("\"members\":2"), health);
        assertTrue(health.matches(".*\"db\":\\{\"details\":\\{\"database\":\"PostgreSQL\"[^}]*},\"status\":\"UP\".*"), health);
        String runs = health.substring(health.indexOf("\"runsPerMember\""));
        assertTrue(runs.contains("\"127.0.0.1:" + nodes.member[0] + "\":0")
                && runs.contains("\"127.0.0.1:" + nodes.member[1] + "\":0"), nodes.member[0] + ", " + nodes.member[1] + ": " + health);
    }

    @Test
    @Order(2)
    void aClientMeetsOneClassifyLimitOnBothNodes() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(nodes.post(nodes.http[i % 2], "/api/v1/classify", "{}").statusCode());
        }
        assertEquals(6, statuses.stream().filter(s -> s != 429).count(), statuses.toString());
        assertEquals(List.of(429, 429), statuses.subList(6, 8), "the burst of 6 is shared: " + statuses);
    }

    @Test
    @Order(3)
    void eachNodeCountsThePagesOpenOnTheOther() {
        try (Browser first = new Browser(); Browser second = new Browser()) {
            first.open(nodes.url(nodes.http[0], "/"));
            first.waitForText(By.id("online-count"), "1 person online");
            second.open(nodes.url(nodes.http[1], "/"));
            second.waitForText(By.id("online-count"), "2 people online");
            first.waitForText(By.id("online-count"), "2 people online");
        }
    }

    @Test
    @Order(4)
    void aRoomOpenedOnNodeOneIsJoinedThroughNodeTwoAndTheGridShowsItWithinASecond() throws Exception {
        try (Browser instructor = new Browser()) {
            instructor.open(nodes.url(nodes.http[0], "/workshop"));
            instructor.waitFor(By.cssSelector("#room-title input")).sendKeys("Lecture hall");
            instructor.waitFor(By.id("room-create")).click();
            String code = instructor.waitFor(By.id("room-code")).getText().strip();
            instructor.waitFor(By.id("participant-grid"));

            participant = new Browser();
            participant.driver().get(nodes.url(nodes.balancer, "/actuator/health"));
            participant.driver().manage().deleteAllCookies();
            participant.driver().manage().addCookie(new Cookie("NNLAB_NODE", "node2"));
            participant.open(nodes.url(nodes.balancer, "/join/" + code));
            participant.waitFor(By.cssSelector("#join-nickname input")).sendKeys("Ada");
            long joined = System.nanoTime();
            participant.waitFor(By.id("join-submit")).click();
            new WebDriverWait(instructor.driver(), Duration.ofSeconds(30), Duration.ofMillis(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("participant-grid"), "Ada"));
            long shownAt = System.currentTimeMillis();
            long fromClick = (System.nanoTime() - joined) / 1_000_000;
            long fromJoin = shownAt - nodes.joinedAt("Ada").toEpochMilli();
            System.out.printf("join on node 2 -> instructor's grid on node 1: %d ms from the join's commit, %d ms from"
                    + " the participant's click%n", fromJoin, fromClick);
            assertTrue(fromJoin < 1000, "the grid showed the participant " + fromJoin + " ms after node 2 took the join");
            assertEquals("node2", participant.driver().manage().getCookieNamed("NNLAB_NODE").getValue(),
                    "the participant stayed on node 2");
        }
    }

    @Test
    @Order(5)
    void aRunStartedOnNodeTwoTrainsOnTheLessLoadedNodeOneAndItsProgressReachesThePage() throws Exception {
        MnistFiles.assumePresent();
        assertTrue(participant != null, "the participant joined in the test before");
        try (Browser loader = new Browser()) {
            loader.open(nodes.url(nodes.http[1], "/train"));
            loader.waitForText(By.tagName("h2"), "Train a network");
            loader.pick("dataset-size", "all 60,000 images");
            loader.type("epochs", "10");
            loader.waitFor(By.id("start")).click();
            WebDriverWait loading = new WebDriverWait(loader.driver(), Duration.ofSeconds(120));
            loading.until(d -> d.findElement(By.id("job-status")).getText().contains("running"));
            assertEquals(List.of(0, 1), startsPerNode(), "with both nodes idle, a run stays on the node that serves its page");

            participant.open(nodes.url(nodes.balancer, "/train"));
            participant.waitForText(By.tagName("h2"), "Train a network");
            participant.pick("dataset-size", "first 500 images");
            participant.type("epochs", "3");
            participant.waitFor(By.id("start")).click();
            WebDriverWait wait = new WebDriverWait(participant.driver(), Duration.ofSeconds(180), Duration.ofMillis(50));
            wait.until(d -> !d.findElement(By.id("job-status")).getText().isBlank());
            assertEquals(List.of(1, 1), startsPerNode(), "the participant's run went to node 1, which had none");
            wait.until(d -> d.findElement(By.id("speed")).getText().matches("[1-9]\\d* %.*"));
            wait.until(d -> d.findElement(By.id("job-status")).getText().contains("finished"));
            assertTrue(participant.driver().findElement(By.id("job-status")).getText().contains("test accuracy"),
                    participant.driver().findElement(By.id("job-status")).getText());
            assertEquals("node2", participant.driver().manage().getCookieNamed("NNLAB_NODE").getValue(),
                    "the page stayed on node 2 while node 1 trained");
            WebElement stop = loading.until(d -> d.findElement(By.id("stop")).getAttribute("disabled") == null
                    ? d.findElement(By.id("stop")) : null);
            ((JavascriptExecutor) loader.driver()).executeScript("arguments[0].click()", stop);
            loading.until(d -> d.findElement(By.id("job-status")).getText().contains("stopped"));
        }
    }

    /** How many runs each node's log says it started. */
    private static List<Integer> startsPerNode() throws java.io.IOException {
        List<Integer> starts = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            try (var lines = java.nio.file.Files.lines(nodes.dir.resolve("node" + i + ".log"))) {
                starts.add((int) lines.filter(l -> l.contains("training job ") && l.contains(" started by ")).count());
            }
        }
        return starts;
    }


    @Test
    @Order(100)
    void whenNodeTwoDiesNodeOneServesItsBrowsers() throws Exception {
        assertEquals(200, nodes.get(nodes.balancer, "/", "node2").statusCode());
        long killed = System.nanoTime();
        nodes.nodes[1].destroyForcibly();
        long served = 0;
        while (System.nanoTime() - killed < 60_000_000_000L) {
            if (nodes.get(nodes.balancer, "/", "node2").statusCode() == 200) {
                served = System.nanoTime();
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(served > 0, "the balancer did not move node 2's browser to node 1");
        while (!nodes.health(nodes.http[0]).contains("\"members\":1")) {
            assertTrue(System.nanoTime() - killed < 60_000_000_000L, nodes.health(nodes.http[0]));
            Thread.sleep(100);
        }
        long alone = System.nanoTime();
        System.out.printf("failover: node 2's browser served by node 1 after %d ms; node 1 alone after %d ms%n",
                (served - killed) / 1_000_000, (alone - killed) / 1_000_000);
        assertTrue(nodes.health(nodes.balancer).contains("\"status\":\"UP\""));

        if (participant != null) {
            participant.open(nodes.url(nodes.balancer, "/join"));
            participant.waitForText(By.id("join-room"), "You are in \"Lecture hall\" as Ada.");
        }
    }
}
