package org.nnlab.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.home.ui.HomeView;

class MainLayoutTest extends KaribuSpringTest {

    @Test
    void startPageSaysWhatNnLabIs() {
        UI.getCurrent().navigate("");
        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
        assertEquals("NN Lab: see how neural networks learn", _get(H1.class).getText());
    }

    @Test
    void navigationListsTheViewsInTheChosenLanguage() {
        UI.getCurrent().navigate("");
        List<String> labels = navLabels();
        assertTrue(labels.contains("Home"), labels.toString());
    }

    @Test
    void languageSwitchTurnsTheAppIntoChineseAndKeepsTheChoice() {
        UI.getCurrent().navigate("");
        Button toChinese = _get(Button.class, spec -> spec.withId("language-switch"));
        assertEquals("中文", toChinese.getText());

        _click(toChinese);

        assertEquals(Locale.SIMPLIFIED_CHINESE, VaadinSession.getCurrent().getLocale());
        assertTrue(navLabels().contains("首页"), navLabels().toString());
        assertEquals("神经网络实验室：看神经网络如何学习", _get(H1.class).getText());
        assertEquals("English", _get(Button.class, spec -> spec.withId("language-switch")).getText());

        UI.getCurrent().navigate("");
        assertTrue(navLabels().contains("首页"), "the choice outlives navigation");
    }

    private static List<String> navLabels() {
        return _get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
