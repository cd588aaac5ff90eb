package org.nnlab.digits.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;

/** The start page leads to drawing, and the navigation lists it right after Home. */
class DrawCallToActionTest extends KaribuSpringTest {
    @Test
    void startPageLinksProminentlyToTheDrawPage() {
        UI.getCurrent().navigate("");
        Anchor cta = _get(Anchor.class, spec -> spec.withId("cta-draw"));
        assertEquals("draw", cta.getHref());
        assertEquals("Draw a digit", cta.getElement().getTextRecursively());
        UI.getCurrent().navigate(cta.getHref());
        assertInstanceOf(DrawDigitView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void drawIsSecondInTheNavigation() {
        UI.getCurrent().navigate("");
        var items = _get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
        assertTrue(items.indexOf("Draw") == 1, items.toString());
    }
}
