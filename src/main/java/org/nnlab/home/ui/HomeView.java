package org.nnlab.home.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

/** The start page: what NN Lab is and what one can do with it, in the user's language. */
@Route("")
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
@StyleSheet("draw.css")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView() {
        setId("home-view");
        addClassName("nnlab-home");
        H1 title = new H1(getTranslation("home.title"));
        Paragraph lead = new Paragraph(getTranslation("home.lead"));
        lead.addClassName("nnlab-lead");
        add(title, lead, createDrawCallToAction(), createFeatures());
    }

    /** The main call to action: a large link to the drawing page (client-side navigation). */
    private Div createDrawCallToAction() {
        Anchor link = new Anchor("draw");
        link.setId("cta-draw");
        link.addClassName("nnlab-cta-link");
        link.getElement().setAttribute("router-link", true);
        link.add(VaadinIcon.PENCIL.create(), new Span(getTranslation("draw.cta")));
        Span text = new Span(getTranslation("draw.cta.text"));
        text.addClassName("nnlab-cta-text");
        Div cta = new Div(link, text);
        cta.addClassName("nnlab-cta");
        return cta;
    }

    private Div createFeatures() {
        Div features = new Div();
        features.addClassName("nnlab-features");
        for (String key : new String[] {"draw", "build", "train", "labs", "workshop"}) {
            Div card = new Div(new H3(getTranslation("home.feature." + key + ".title")),
                    new Paragraph(getTranslation("home.feature." + key + ".text")));
            card.addClassName("nnlab-feature");
            if (key.equals("labs")) {
                Anchor open = new Anchor("labs", getTranslation("home.feature.labs.open"));
                open.setId("home-labs");
                open.getElement().setAttribute("router-link", true);
                card.add(open);
            }
            features.add(card);
        }
        return features;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }
}
