package org.nnlab.workshop.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;

/**
 * Links from the room's pages to the class dataset and the leaderboard (packages {@code workshop.classdata.ui}
 * and {@code workshop.challenge.ui}): for participants their drawing page, for the instructor the class data.
 */
final class ClassLinks {
    private ClassLinks() {
    }

    static Div of(Component page, String route, String textKey) {
        Anchor own = new Anchor(route, page.getTranslation(textKey));
        own.getElement().setAttribute("router-link", true);
        own.setId("link-" + route.replace('/', '-'));
        Anchor board = new Anchor("workshop/leaderboard", page.getTranslation("challenge.title"));
        board.getElement().setAttribute("router-link", true);
        board.setId("link-workshop-leaderboard");
        Div links = new Div(own, board);
        links.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        return links;
    }
}
