package org.nnlab.labs.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import java.util.Map;
import java.util.Set;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;

/**
 * The labs index: one card per chapter in the notes' order, saying what one sees there and about how
 * long it takes. A chapter whose page exists is a link and shows how many of its tasks this browser's
 * owner has done, with a done mark ({@code lab-done-<key>}) when all are; the others are marked coming.
 */
@Route(Chapter.INDEX_ROUTE)
@Menu(order = 4, title = "nav.labs", icon = "vaadin:academy-cap")
@StyleSheet("context://labs/labs.css")
public class LabsIndexView extends VerticalLayout implements HasDynamicTitle {

    public LabsIndexView(LabProgress progress) {
        addClassName("nnlab-labs");
        Paragraph lead = new Paragraph(getTranslation("labs.index.lead"));
        lead.addClassName("nnlab-lead");
        Div cards = new Div();
        cards.setId("labs-index");
        cards.addClassName("nnlab-lab-cards");
        Map<Chapter, Set<String>> done = progress.completed(CurrentOwner.id());
        int number = 1;
        for (Chapter chapter : Chapter.values()) {
            cards.add(card(number++, chapter, done.getOrDefault(chapter, Set.of())));
        }
        add(new H1(getTranslation("labs.index.title")), lead, cards);
    }

    /** Whether a view has the chapter's route, i.e. the chapter is built. */
    static boolean isBuilt(Chapter chapter) {
        return RouteConfiguration.forApplicationScope().isPathAvailable(chapter.route());
    }

    private Div card(int number, Chapter chapter, Set<String> completed) {
        Span index = new Span(String.valueOf(number));
        index.addClassName("nnlab-lab-number");
        H3 title = new H3(getTranslation(chapter.titleKey()));
        Paragraph summary = new Paragraph(getTranslation(chapter.summaryKey()));
        Div meta = new Div(new Span(getTranslation("labs.minutes", chapter.minutes())));
        meta.addClassName("nnlab-lab-meta");
        Div card = new Div();
        card.setId("lab-card-" + chapter.key());
        card.addClassName("nnlab-lab-card");
        if (!isBuilt(chapter)) {
            Span coming = new Span(getTranslation("labs.coming"));
            coming.addClassName("nnlab-lab-coming");
            meta.add(coming);
            card.addClassName("coming");
            card.add(index, title, summary, meta);
            return card;
        }
        long count = chapter.tasks().stream().filter(completed::contains).count();
        meta.add(new Span(getTranslation("labs.tasks.count", count, chapter.tasks().size())));
        if (LabProgress.isDone(chapter, completed)) {
            Span mark = new Span(VaadinIcon.CHECK_CIRCLE.create(), new Span(getTranslation("labs.done")));
            mark.setId("lab-done-" + chapter.key());
            mark.addClassName("nnlab-lab-done");
            meta.add(mark);
            card.addClassName("done");
        }
        Anchor open = new Anchor(chapter.route());
        open.getElement().setAttribute("router-link", true);
        open.addClassName("nnlab-lab-open");
        open.add(index, title, summary);
        card.add(open, meta);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("labs.index.title") + " · " + getTranslation("app.name");
    }
}
