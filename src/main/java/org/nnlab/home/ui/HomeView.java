package org.nnlab.home.ui;

import com.vaadin.flow.component.html.Div;
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
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView() {
        setId("home-view");
        addClassName("nnlab-home");
        H1 title = new H1(getTranslation("home.title"));
        Paragraph lead = new Paragraph(getTranslation("home.lead"));
        lead.addClassName("nnlab-lead");
        add(title, lead, createFeatures());
    }

    private Div createFeatures() {
        Div features = new Div();
        features.addClassName("nnlab-features");
        for (String key : new String[] {"draw", "build", "train", "labs", "workshop"}) {
            Div card = new Div(new H3(getTranslation("home.feature." + key + ".title")),
                    new Paragraph(getTranslation("home.feature." + key + ".text")));
            card.addClassName("nnlab-feature");
            features.add(card);
        }
        return features;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }
}
