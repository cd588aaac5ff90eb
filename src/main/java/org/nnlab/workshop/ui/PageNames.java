package org.nnlab.workshop.ui;

import java.util.Map;
import java.util.Optional;
import org.nnlab.labs.Chapter;

/**
 * The text key of a page's name, found from its route, so that the instructor reads "Draw" or "手写识别" where
 * the server knows only {@code draw}. A lab chapter is named by its title; a route below a known page (a join
 * link with its code) by that page.
 */
final class PageNames {
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("", "nav.home"),
            Map.entry("draw", "nav.draw"),
            Map.entry("build", "nav.build"),
            Map.entry("train", "nav.train"),
            Map.entry(Chapter.INDEX_ROUTE, "nav.labs"),
            Map.entry("workshop", "nav.workshop"),
            Map.entry("workshop/draw", "classdata.draw.title"),
            Map.entry("workshop/class-data", "classdata.title"),
            Map.entry("workshop/leaderboard", "challenge.title"),
            Map.entry("join", "workshop.nav.join"));

    private PageNames() {
    }

    /** The key of the name of the page at {@code route}, or empty for a route this list does not know. */
    static Optional<String> key(String route) {
        if (route == null) {
            return Optional.empty();
        }
        for (Chapter c : Chapter.values()) {
            if (route.equals(c.route()) || route.startsWith(c.route() + "/")) {
                return Optional.of(c.titleKey());
            }
        }
        String page = route;
        while (!KEYS.containsKey(page) && page.contains("/")) {
            page = page.substring(0, page.lastIndexOf('/'));
        }
        return Optional.ofNullable(KEYS.get(page));
    }
}
