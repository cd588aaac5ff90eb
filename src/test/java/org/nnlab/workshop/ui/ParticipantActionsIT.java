package org.nnlab.workshop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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
            assertScrollsOnlyWhenOverflowing((JavascriptExecutor) instructor.driver());
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

    /**
     * Whether the grid's columns are frozen (how many; the nickname; the actions), whether they overflow the grid
     * sideways (by any whole pixel: Chromium draws a scroll bar for one), the height of the horizontal scroll bar
     * drawn under the rows (the scroller's offset height less its client height; 0 without one), the texts that do
     * not fit their cells (header and body), and the texts of the columns that scroll that no scroll position brings
     * whole between the frozen columns (from the cells' places in their rows, not by scrolling: the grid moves its
     * cells only after a scroll event).
     */
    private static final String LAYOUT = """
            const g = document.getElementById('participant-grid'), t = g.$.table;
            const cols = Array.from(g.querySelectorAll('vaadin-grid-column'));
            const cut = Array.from(g.querySelectorAll('vaadin-grid-cell-content'))
                .filter(c => c.offsetWidth > 0 && c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim());
            const width = cs => cs.reduce((w, c) => w + c._headerCell.offsetWidth, 0);
            const start = width(cols.filter(c => c.frozen)), end = t.clientWidth - width(cols.filter(c => c.frozenToEnd));
            const max = t.scrollWidth - t.clientWidth, unreachable = [];
            for (const c of cols.filter(c => !c.frozen && !c.frozenToEnd)) {
              for (const cell of [c._headerCell, ...c._cells]) {
                const e = cell._content;
                if (!e || !e.textContent.trim() || !cell.offsetWidth) continue;
                const r = document.createRange();
                r.selectNodeContents(e.querySelector('vaadin-grid-sorter') || e);
                const b = r.getBoundingClientRect(), at = cell.getBoundingClientRect();
                const left = cell.offsetLeft + b.left - at.left, right = cell.offsetLeft + b.right - at.left;
                // scroll positions that put the text after the frozen start and before the frozen end
                if (Math.max(0, right - end) > Math.min(max, left - start) + 0.5) unreachable.push(e.textContent.trim());
              }
            }
            return {frozen: cols.filter(c => c.frozen || c.frozenToEnd).length, nicknameFrozen: cols[0].frozen,
                    actionsFrozen: cols[cols.length - 1].frozenToEnd, overflow: t.scrollWidth > t.clientWidth,
                    scrollbar: t.offsetHeight - t.clientHeight, overflowX: getComputedStyle(t).overflowX,
                    cut: cut, unreachable: unreachable, widths: [t.scrollWidth, t.clientWidth], window: window.innerWidth};""";

    /**
     * The grid as the page shows it at this window width: a horizontal scroll bar exactly when the columns overflow
     * (never one whose thumb fills its track), the actions frozen exactly then and the nickname only then, and every
     * text of the columns between within reach of the scroll bar.
     */
    private static Map<?, ?> assertScrollsOnlyWhenOverflowing(JavascriptExecutor js) {
        Map<?, ?> layout = (Map<?, ?>) js.executeScript(LAYOUT);
        boolean overflow = (Boolean) layout.get("overflow");
        long scrollbar = ((Number) layout.get("scrollbar")).longValue();
        assertEquals(overflow, scrollbar > 0, "a horizontal scroll bar is drawn exactly when the columns overflow: " + layout);
        assertEquals(overflow, layout.get("actionsFrozen"), "the actions are frozen exactly when the columns overflow: " + layout);
        assertTrue(overflow || !(Boolean) layout.get("nicknameFrozen"), "the nickname is frozen only when the columns overflow: " + layout);
        assertEquals(List.of(), layout.get("unreachable"), "every column can be scrolled into view: " + layout);
        return layout;
    }

    /**
     * On a wide screen every column shows whole, none is frozen (frozen cells were the instructor's browser's
     * largest cost while a class joined) and no horizontal scroll bar is drawn; narrowed to 800 px the columns
     * scroll sideways with the nickname and the actions frozen; on a phone, with a long nickname, only the actions
     * freeze (the two frozen would cover the grid and hide the columns between); widened again they thaw.
     */
    @Test
    void onAWideScreenEveryColumnFitsUnfrozenOnAPhoneTheEndsFreeze() {
        try (Browser instructor = new Browser()) {
            instructor.driver().manage().window().setSize(new Dimension(1400, 1000));
            instructor.open(url("workshop"));
            instructor.type("room-title", "Wide class");
            instructor.click("room-create");
            instructor.waitFor(By.id("room-code"));
            String code = instructor.text("room-code").strip();
            List<Participant> joined = new ArrayList<>();
            for (String name : List.of("Ada", "Bartholomew Magnificent", "Cy")) {
                joined.add(rooms.join(code, name, UUID.randomUUID().toString(), "10.9.9.8"));
            }
            instructor.waiting().until(d -> instructor.text("participant-grid").contains("Bartholomew"));
            JavascriptExecutor js = (JavascriptExecutor) instructor.driver();
            // every row drawn, its buttons too, before anything is measured (an empty grid has nothing cut)
            for (Participant p : joined) {
                for (String action : List.of("rename-", "remove-")) {
                    instructor.waiting().until(d -> (Boolean) js.executeScript(
                            "const b = document.getElementById(arguments[0]); return b != null && b.offsetWidth > 0;",
                            action + p.id()));
                }
            }
            Map<?, ?> wide = (Map<?, ?>) js.executeScript(LAYOUT);
            assertEquals(List.of(), wide.get("cut"), "every header and cell shows whole: " + wide);
            assertEquals(0L, ((Number) wide.get("frozen")).longValue(), "nothing frozen on a wide screen: " + wide);
            js.executeScript("document.getElementById('participant-grid').scrollIntoView()");
            instructor.screenshot("participant-grid-desktop");
            // the columns once overflowed the 1095 px grid by one pixel here: Chromium drew a scroll bar whose thumb
            // filled its track, while the page, allowing a pixel, took the columns as fitting and froze nothing
            assertEquals(0L, ((Number) wide.get("scrollbar")).longValue(), "no horizontal scroll bar: " + wide);
            assertEquals(Boolean.FALSE, wide.get("overflow"), "every column fits: " + wide);
            assertScrollsOnlyWhenOverflowing(js);

            // a small laptop or a projector at 800 px: the columns do not fit; they scroll, the ends frozen
            instructor.driver().manage().window().setSize(new Dimension(800, 1000));
            instructor.waiting().until(d -> ((Number) ((Map<?, ?>) js.executeScript(LAYOUT)).get("frozen")).longValue() == 2);
            assertEquals(Boolean.TRUE, assertScrollsOnlyWhenOverflowing(js).get("overflow"));

            instructor.driver().manage().window().setSize(new Dimension(390, 844));
            instructor.waiting().until(d -> ((Number) ((Map<?, ?>) js.executeScript(LAYOUT)).get("window")).longValue() == 390);
            instructor.waiting().until(d -> ((Number) ((Map<?, ?>) js.executeScript(LAYOUT)).get("frozen")).longValue() == 1);
            Map<?, ?> phone = assertScrollsOnlyWhenOverflowing(js);
            assertEquals(Boolean.TRUE, phone.get("overflow"));
            // "Bartholomew Magnificent" (252 px) and the actions (108 px) would cover the 341 px grid
            assertEquals(Boolean.FALSE, phone.get("nicknameFrozen"), "a long nickname scrolls on a phone: " + phone);
            js.executeScript("document.getElementById('participant-grid').scrollIntoView()");
            instructor.screenshot("participant-grid-phone");

            instructor.driver().manage().window().setSize(new Dimension(1400, 1000));
            instructor.waiting().until(d -> ((Number) ((Map<?, ?>) js.executeScript(LAYOUT)).get("frozen")).longValue() == 0);
            assertEquals(0L, ((Number) assertScrollsOnlyWhenOverflowing(js).get("scrollbar")).longValue());
            assertTrue(instructor.severeConsoleErrors().isEmpty(), instructor.severeConsoleErrors().toString());
        }
    }
}
