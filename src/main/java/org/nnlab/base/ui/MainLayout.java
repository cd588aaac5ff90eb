package org.nnlab.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import org.nnlab.presence.PresenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame around every view: the app name, a side navigation built from the views that declare a
 * {@code @Menu} (their title is a text key), the language switch and how many people are online.
 */
@Layout
public class MainLayout extends AppLayout {
    private static final Logger log = LoggerFactory.getLogger(MainLayout.class);
    private final PresenceService presence;
    private final Span online = new Span();
    private AutoCloseable presenceSubscription;

    public MainLayout(PresenceService presence) {
        this.presence = presence;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), createNavbarEnd());
        addToDrawer(createBrand(), createNavigation());
    }

    private Span createBrand() {
        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("nnlab-brand");
        return brand;
    }

    private HorizontalLayout createNavbarEnd() {
        online.setId("online-count");
        online.addClassName("nnlab-online");
        HorizontalLayout end = new HorizontalLayout(online, new LanguageSwitch());
        end.setAlignItems(FlexComponent.Alignment.CENTER);
        end.addClassName("nnlab-navbar-end");
        return end;
    }

    private SideNav createNavigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        showOnline(presence.online());
        long silentMillis = silenceAllowedMillis(ui);
        presenceSubscription = presence.join(count -> {
            try {
                ui.access(() -> showOnline(count));
            } catch (UIDetachedException closedMeanwhile) {
                // the tab closed between the change and this update: nothing left to show it on
            }
        }, () -> System.currentTimeMillis() - ui.getInternals().getLastHeartbeatTimestamp() < silentMillis,
                () -> release(ui));
    }

    /**
     * How long a page may stay silent before it counts as closed: three heartbeat intervals, Vaadin's own
     * rule for closing a UI (a tab closed without the browser's goodbye beacon sends no more heartbeats).
     */
    private static long silenceAllowedMillis(UI ui) {
        int heartbeatSeconds = ui.getSession().getConfiguration().getHeartbeatInterval();
        return heartbeatSeconds > 0 ? 3_000L * heartbeatSeconds : Long.MAX_VALUE;
    }

    /**
     * Closes a page that stopped answering and takes it out of its session at once, so that its
     * components are freed now and not when the session expires (nothing else asks for the session
     * of a last tab that closed).
     */
    private static void release(UI ui) {
        try {
            ui.access(() -> {
                ui.close();
                if (ui.getSession() != null) {
                    ui.getSession().removeUI(ui);
                }
            });
        } catch (UIDetachedException alreadyGone) {
            // removed meanwhile by Vaadin itself
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        try {
            presenceSubscription.close();
        } catch (Exception e) {
            log.warn("Could not leave the presence count", e);
        }
        super.onDetach(detach);
    }

    private void showOnline(int count) {
        online.setText(getTranslation("presence.online", count));
    }
}
