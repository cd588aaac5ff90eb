package org.nnlab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnlab.bench.WorkshopCrowdBench.Person;

/**
 * What a participant does in the crowd bench, done through {@link FlowClient} (Vaadin's protocol over HTTP and
 * WebSocket, no browser): the same steps, element ids and waits as the browser participant, and the pad's own
 * messages with the image the pad would paint for the same strokes.
 */
final class FlowParticipant {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The pad samples a pen about every 8 ms and sends progress at most every 100 ms, once the last was answered. */
    private static final int POINT_MS = 8;
    private static final int PROGRESS_MS = 100;

    private FlowParticipant() {
    }

    static Person join(WorkshopCrowdBench bench, Person p, String code) {
        ClientNice.participant();
        FlowClient page = new FlowClient(bench.base, p.nickname(), bench::error);
        page.open("join/" + code);
        page.await(c -> c.find("join-nickname") >= 0 && c.find("join-submit") >= 0, WAIT);
        page.type("join-nickname", p.nickname());
        bench.act(p, "join");
        page.click("join-submit");
        page.await(c -> c.find("draw-view") >= 0, WAIT);
        bench.answered(p, "join");
        page.open("workshop/draw");
        page.await(c -> c.find("class-pad") >= 0 && !blank(c.text("class-prompt")), WAIT);
        return new Person(p.index(), p.nickname(), null, page);
    }

    static void startRun(WorkshopCrowdBench bench, Person p) {
        ClientNice.participant();
        FlowClient page = p.flow();
        page.await(c -> c.find("room-open-setup") >= 0, WAIT);
        page.click("room-open-setup");
        page.await(c -> !blank(c.text("train-sent-setup")) && c.find("start") >= 0 && !c.hasAttribute("start", "disabled"), WAIT);
        String before = page.text("job-status");
        bench.act(p, "train");
        page.click("start");
        try {
            page.await(c -> !String.valueOf(c.text("job-status")).equals(String.valueOf(before)), WAIT);
            bench.answered(p, "train");
        } catch (IllegalStateException e) {
            bench.error("run refused", p.nickname() + ": job status stayed " + before);
        }
        page.navigate("workshop/draw", "history");
        page.await(c -> c.find("class-pad") >= 0 && c.find("start") < 0, WAIT);
    }

    static void draw(WorkshopCrowdBench bench, Person p, int drawings) {
        ClientNice.participant();
        FlowClient page = p.flow();
        SplittableRandom random = new SplittableRandom(p.index());
        int[] seq = {0};
        try {
            for (int n = 1; n <= drawings; n++) {
                String prompt = page.text("class-prompt");
                int fallback = n % 10;
                int digit = prompt.chars().filter(Character::isDigit).map(ch -> ch - '0').findFirst().orElse(fallback);
                pen(page, Glyphs.of(digit, random), seq);
                page.await(c -> c.find("class-send") >= 0 && !c.hasAttribute("class-send", "disabled"), Duration.ofSeconds(30));
                bench.act(p, "draw" + n);
                page.click("class-send");
                String count = Integer.toString(n);
                page.await(c -> String.valueOf(c.text("class-status")).contains(count), Duration.ofSeconds(30));
                bench.answered(p, "draw" + n);
                CdpTab.sleep(300 + random.nextInt(1200));
            }
        } catch (RuntimeException e) {
            bench.error("drawing failed", p.nickname() + ": " + e.getMessage());
        }
    }

    /**
     * Draws the strokes in pen time: while a stroke lasts, a progress message every 100 ms (only if the page
     * listens for them), and at its end the whole drawing so far, as the pad sends them.
     */
    private static void pen(FlowClient page, List<List<double[]>> strokes, int[] seq) {
        List<List<double[]>> done = new ArrayList<>();
        for (List<double[]> stroke : strokes) {
            long began = System.nanoTime();
            long lastProgress = began;
            for (int i = 1; i <= stroke.size(); i++) {
                CdpTab.sleep(POINT_MS);
                if ((System.nanoTime() - lastProgress) / 1_000_000 >= PROGRESS_MS && i < stroke.size()) {
                    List<List<double[]>> sofar = new ArrayList<>(done);
                    sofar.add(stroke.subList(0, i));
                    page.event("class-pad", "stroke-progress", detail(sofar, ++seq[0], null));
                    lastProgress = System.nanoTime();
                }
            }
            done.add(stroke);
            page.event("class-pad", "stroke-end", detail(done, ++seq[0], -1.0));
        }
    }

    private static Map<String, Object> detail(List<List<double[]>> strokes, int seq, Double rtt) {
        Map<String, Object> data = new HashMap<>();
        data.put("event.detail.image", Glyphs.padImage(strokes));
        data.put("event.detail.seq", seq);
        if (rtt != null) {
            data.put("event.detail.rtt", rtt);
        }
        return data;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
