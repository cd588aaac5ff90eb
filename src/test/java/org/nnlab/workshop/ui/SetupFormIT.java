package org.nnlab.workshop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
 * The instructor's "send a setup" form in a room that is open, in English and Chinese, on a wide screen, a narrow
 * one and a phone: every field's label, the chosen network (each of the presets in turn) and the link field's hint
 * are shown whole, and no field sticks out of the form or the window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SetupFormIT {
    private static final List<String> FIELDS = List.of("setup-network", "setup-spec", "setup-data", "setup-optimizer",
            "setup-learning-rate", "setup-batch-size", "setup-epochs", "setup-seed");
    private static final List<int[]> SIZES = List.of(new int[] {1400, 900}, new int[] {800, 900}, new int[] {390, 844});

    /**
     * The texts of the form that are cut (a label, a chosen value, a placeholder wider than its box), the fields
     * that reach past the form's or the window's right edge, and those whose input box is out of line with the
     * others in its row (a label that wrapped would push it down).
     */
    private static final String CUT = """
            const cut = [], form = document.getElementById('push-setup').closest('vaadin-details');
            const right = Math.min(form.getBoundingClientRect().right, document.documentElement.clientWidth);
            const wider = e => e && e.scrollWidth > e.clientWidth + 1;
            const measure = document.createElement('canvas').getContext('2d'), inputTops = {};
            const fits = (box, textElement, text) => {
              const cs = getComputedStyle(box);
              measure.font = getComputedStyle(textElement).font;
              const room = box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
              return measure.measureText(text ?? textElement.textContent.trim()).width <= room + 1;
            };
            for (const id of arguments[0]) {
              const f = document.getElementById(id);
              const part = f.shadowRoot.querySelector("[part='label']"), label = f.querySelector(":scope > label[slot='label']");
              if (wider(part) || wider(label) || getComputedStyle(part).whiteSpace.startsWith('nowrap') && !fits(part, label))
                cut.push(id + ' label: ' + f.label);
              const value = f.querySelector('vaadin-select-value-button');
              if (value && (wider(value) || wider(value.firstElementChild))) cut.push(id + ' value: ' + value.innerText);
              const input = f.querySelector('input');
              if (input && input.placeholder && !fits(input, input, input.placeholder)) cut.push(id + ' placeholder: ' + input.placeholder);
              if (f.getBoundingClientRect().right > right + 1) cut.push(id + ' sticks out');
              const row = Math.round(f.getBoundingClientRect().top), box = f.shadowRoot.querySelector("[part='input-field']");
              if (row in inputTops && Math.abs(inputTops[row] - box.getBoundingClientRect().top) > 1) cut.push(id + ' out of line');
              inputTops[row] = box.getBoundingClientRect().top;
            }
            if (document.documentElement.scrollWidth > document.documentElement.clientWidth) cut.push('page scrolls sideways');
            return cut;""";

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    @Test
    void everyLabelAndEveryNetworkIsReadableAtEveryWidthInBothLanguages() {
        List<String> cuts = new ArrayList<>();
        try (Browser instructor = new Browser()) {
            instructor.open(url("workshop"));
            instructor.type("room-title", "Setup form");
            instructor.click("room-create");
            instructor.waitFor(By.id("push-setup"));
            for (String language : List.of("en", "zh")) {
                if (language.equals("zh")) {
                    instructor.click("language-switch");
                    instructor.waitForText(By.id("main-nav"), "首页");
                    instructor.waitFor(By.id("push-setup"));
                }
                List<String> networks = networks(instructor);
                String firstRate = text(instructor, "#setup-learning-rate input");
                assertTrue(networks.size() >= 4, networks.toString());
                for (int[] size : SIZES) {
                    instructor.driver().manage().window().setSize(new Dimension(size[0], size[1]));
                    for (String network : networks) {
                        choose(instructor, network);
                        instructor.waiting().until(d -> text(instructor, "#setup-network vaadin-select-value-button").equals(network));
                        for (String c : cut(instructor)) {
                            cuts.add(language + " at " + size[0] + " px with " + network + ": " + c);
                        }
                    }
                    choose(instructor, networks.getFirst());
                    instructor.waiting().until(d -> text(instructor, "#setup-learning-rate input").equals(firstRate));
                    script(instructor, "document.getElementById('setup-network').scrollIntoView({block: 'start'})");
                    instructor.screenshot("setup-" + language + "-" + size[0]);
                }
                instructor.driver().manage().window().setSize(new Dimension(1280, 900));
            }
            assertEquals(List.of(), cuts.stream().distinct().toList());
            assertEquals(List.of(), instructor.severeConsoleErrors());
        }
    }

    private static List<String> networks(Browser b) {
        @SuppressWarnings("unchecked")
        List<String> items = (List<String>) script(b, """
                return Array.from(document.getElementById('setup-network').querySelectorAll('vaadin-select-item'))
                    .map(i => i.textContent.trim()).filter(t => t.length > 0);""");
        return items.stream().distinct().toList();
    }

    /** Chooses a network by its text the way the select does once an item is clicked (a click may land on a banner). */
    private static void choose(Browser b, String network) {
        script(b, """
                const select = document.getElementById('setup-network');
                const item = Array.from(select.querySelectorAll('vaadin-select-item'))
                    .find(i => i.textContent.trim() === arguments[0] && !i.closest('vaadin-select-value-button'));
                select.value = item.value;""", network);
    }

    @SuppressWarnings("unchecked")
    private static List<String> cut(Browser b) {
        return (List<String>) script(b, CUT, FIELDS);
    }

    private static String text(Browser b, String selector) {
        Object t = script(b, "const e = document.querySelector(arguments[0]); return !e ? '' : (e.tagName === 'INPUT' ? e.value : e.innerText).trim();", selector);
        return String.valueOf(t);
    }

    private static Object script(Browser b, String js, Object... args) {
        return ((JavascriptExecutor) b.driver()).executeScript(js, args);
    }
}
