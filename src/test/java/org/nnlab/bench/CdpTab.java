package org.nnlab.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One person's browser tab: a browser context of its own (its own cookies and storage, like a separate
 * browser) with one page in it, driven through {@link Cdp}. Clicks, typing and strokes are real input events
 * sent to the page (the browser turns them into pointer, mouse and key events); scripts only read the page.
 */
final class CdpTab {
    /** JavaScript that is true once Vaadin's client has started and has no request in flight. */
    static final String VAADIN_IDLE = "!!(window.Vaadin && Vaadin.Flow && Vaadin.Flow.clients"
            + " && Object.keys(Vaadin.Flow.clients).length > 0"
            + " && Object.values(Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))";

    private final Cdp cdp;
    final String name;
    final String contextId;
    final String session;

    private CdpTab(Cdp cdp, String name, String contextId, String session) {
        this.cdp = cdp;
        this.name = name;
        this.contextId = contextId;
        this.session = session;
    }

    /** Opens a new browser context with a blank page of the given size and attaches to it. */
    static CdpTab open(Cdp cdp, String name, int width, int height) {
        String context = (String) cdp.send(null, "Target.createBrowserContext", Map.of("disposeOnDetach", true))
                .get("browserContextId");
        String target = (String) cdp.send(null, "Target.createTarget", Map.of("url", "about:blank",
                "browserContextId", context, "width", width, "height", height, "newWindow", true)).get("targetId");
        String session = (String) cdp.send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId");
        CdpTab tab = new CdpTab(cdp, name, context, session);
        tab.send("Runtime.enable", Map.of());
        tab.send("Log.enable", Map.of());
        tab.send("Page.enable", Map.of());
        tab.send("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
        return tab;
    }

    Map<String, Object> send(String method, Map<String, Object> params) {
        return cdp.send(session, method, params);
    }

    void navigate(String url) {
        send("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression (promises awaited), as JSON data. */
    Object eval(String expression) {
        Map<String, Object> r = send("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true));
        if (r.get("exceptionDetails") instanceof Map<?, ?> details) {
            Object ex = details.get("exception") instanceof Map<?, ?> e ? e.get("description") : details.get("text");
            throw new Cdp.CdpException(name + ": " + ex);
        }
        return r.get("result") instanceof Map<?, ?> result ? result.get("value") : null;
    }

    String text(String expression) {
        Object v = eval(expression);
        return v == null ? "" : v.toString();
    }

    /**
     * Waits until the expression is true, polling inside the page; a navigation that replaces the page while it
     * waits just starts the wait again in the new one.
     */
    void waitFor(String condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String poll = "new Promise((ok, no) => { const end = Date.now() + %d; const t = () => { let v = false;"
                + " try { v = (%s); } catch (e) { } if (v) ok(true); else if (Date.now() > end) no(new Error('timed out'));"
                + " else setTimeout(t, 20); }; t(); })";
        while (true) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new Cdp.CdpException(name + ": timed out waiting for " + condition);
            }
            try {
                eval(String.format(poll, left, condition));
                return;
            } catch (Cdp.CdpException e) {
                if (e.getMessage().contains("timed out")) {
                    throw new Cdp.CdpException(name + ": timed out waiting for " + condition);
                }
                sleep(50); // the page changed under the wait
            }
        }
    }

    void waitFor(String condition) {
        waitFor(condition, Duration.ofSeconds(60));
    }

    /** Clicks the middle of the element the expression names, after scrolling it into view. */
    void click(String element) {
        double[] at = centre(element);
        mouse("mouseMoved", at[0], at[1], 0);
        mouse("mousePressed", at[0], at[1], 1);
        mouse("mouseReleased", at[0], at[1], 0);
    }

    private double[] centre(String element) {
        Object r = eval("(() => { const e = " + element + "; if (!e) return null; e.scrollIntoView({block: 'center',"
                + " inline: 'center'}); const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2,"
                + " r.width, r.height]; })()");
        if (!(r instanceof List<?> l) || ((Number) l.get(2)).doubleValue() <= 0) {
            throw new Cdp.CdpException(name + ": nothing to click at " + element);
        }
        return new double[] {((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue(),
                ((Number) l.get(2)).doubleValue(), ((Number) l.get(3)).doubleValue()};
    }

    /** Types text into the focused field, then presses Tab (which commits a Vaadin field's value). */
    void type(String text) {
        send("Input.insertText", Map.of("text", text));
        for (String type : List.of("keyDown", "keyUp")) {
            send("Input.dispatchKeyEvent", Map.of("type", type, "key", "Tab", "code", "Tab", "windowsVirtualKeyCode", 9));
        }
    }

    /**
     * Draws strokes on the element (a canvas) with the mouse: each stroke is a list of points given as fractions
     * of the element's width and height.
     */
    void draw(String element, List<List<double[]>> strokes) {
        double[] c = centre(element);
        double left = c[0] - c[2] / 2;
        double top = c[1] - c[3] / 2;
        for (List<double[]> stroke : strokes) {
            double[] p0 = stroke.getFirst();
            mouse("mouseMoved", left + p0[0] * c[2], top + p0[1] * c[3], 0);
            mouse("mousePressed", left + p0[0] * c[2], top + p0[1] * c[3], 1);
            for (double[] p : stroke.subList(1, stroke.size())) {
                sleep(8);
                mouse("mouseMoved", left + p[0] * c[2], top + p[1] * c[3], 1);
            }
            double[] last = stroke.getLast();
            mouse("mouseReleased", left + last[0] * c[2], top + last[1] * c[3], 0);
        }
    }

    private void mouse(String type, double x, double y, int buttons) {
        Map<String, Object> p = new HashMap<>();
        p.put("type", type);
        p.put("x", x);
        p.put("y", y);
        p.put("button", type.equals("mouseMoved") && buttons == 0 ? "none" : "left");
        p.put("buttons", buttons);
        p.put("clickCount", type.equals("mouseMoved") ? 0 : 1);
        send("Input.dispatchMouseEvent", p);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cdp.CdpException("interrupted");
        }
    }
}
