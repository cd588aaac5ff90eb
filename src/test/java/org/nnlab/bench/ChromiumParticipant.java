package org.nnlab.bench;

import java.time.Duration;
import java.util.SplittableRandom;
import org.nnlab.bench.WorkshopCrowdBench.Person;
import org.nnlab.engine.json.Json;

/**
 * A participant of {@link WorkshopCrowdBench} as a browser context in the one headless Chromium
 * ({@code -Dbench.participants=chromium}): clicks, typing and pen strokes are input events the browser dispatches
 * as a user's. The default drives participants over Vaadin's protocol instead ({@link FlowParticipant}).
 */
final class ChromiumParticipant {
    private static final String PAD = "document.getElementById('class-pad').shadowRoot.querySelector('canvas')";


    private ChromiumParticipant() {
    }

    static Person join(WorkshopCrowdBench bench, Person p, String code) {
        CdpTab tab = bench.tab(p.nickname(), 900, 1000);
        tab.navigate(bench.base + "/join/" + code);
        tab.waitFor("document.querySelector('#join-nickname input') && " + CdpTab.VAADIN_IDLE);
        tab.click("document.querySelector('#join-nickname input')");
        tab.type(p.nickname());
        bench.act(p, "join");
        tab.click("document.getElementById('join-submit')");
        tab.waitFor("location.pathname == '/draw' && " + CdpTab.VAADIN_IDLE);
        bench.answered(p, "join");
        tab.navigate(bench.base + "/workshop/draw");
        tab.waitFor(PAD + " && (document.getElementById('class-prompt')?.innerText || '').length > 0 && " + CdpTab.VAADIN_IDLE);
        return new Person(p.index(), p.nickname(), tab, null);
    }

    static void startRun(WorkshopCrowdBench bench, Person p) {
        CdpTab tab = p.tab();
        tab.waitFor("document.getElementById('room-open-setup')?.offsetParent");
        tab.click("document.getElementById('room-open-setup')");
        tab.waitFor("location.pathname == '/train' && (document.getElementById('train-sent-setup')?.innerText || '').length > 0"
                + " && !document.getElementById('start').hasAttribute('disabled') && " + CdpTab.VAADIN_IDLE);
        String before = tab.text("document.getElementById('job-status')?.innerText || ''");
        bench.act(p, "train");
        tab.click("document.getElementById('start')");
        tab.waitFor("(document.getElementById('job-status')?.innerText || '') != " + Json.write(before)
                + " || document.querySelector('vaadin-notification-card')");
        bench.answered(p, "train");
        String refused = tab.text("document.querySelector('vaadin-notification-card')?.innerText || ''");
        if (!refused.isBlank()) {
            bench.error("run refused", p.nickname() + ": " + refused);
        }
        tab.eval("history.back()");
        tab.waitFor("location.pathname == '/workshop/draw' && " + PAD + " && " + CdpTab.VAADIN_IDLE);
    }

    static void draw(WorkshopCrowdBench bench, Person p, int drawings) {
        CdpTab tab = p.tab();
        SplittableRandom random = new SplittableRandom(p.index());
        try {
            for (int n = 1; n <= drawings; n++) {
                String prompt = tab.text("document.getElementById('class-prompt').innerText");
                int digit = prompt.chars().filter(Character::isDigit).map(c -> c - '0').findFirst().orElse(n % 10);
                tab.draw(PAD, Glyphs.of(digit, random));
                tab.waitFor("!document.getElementById('class-send').hasAttribute('disabled')", Duration.ofSeconds(30));
                bench.act(p, "draw" + n);
                tab.click("document.getElementById('class-send')");
                tab.waitFor("document.getElementById('class-status').innerText.includes('" + n + "')", Duration.ofSeconds(30));
                bench.answered(p, "draw" + n);
                CdpTab.sleep(300 + random.nextInt(1200));
            }
        } catch (RuntimeException e) {
            bench.error("drawing failed", p.nickname() + ": " + e.getMessage());
        }
    }
}
