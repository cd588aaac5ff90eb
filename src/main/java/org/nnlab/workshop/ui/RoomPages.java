package org.nnlab.workshop.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.nnlab.workshop.RoomActivity;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomService;
import org.springframework.stereotype.Component;

/**
 * Gives every page (browser tab) a {@link RoomBanner}: after each navigation the banner finds the person's room
 * and says where the tab is; before the Train page opens it hands over the instructor's setup; when the tab
 * closes it says so.
 */
@Component
class RoomPages implements VaadinServiceInitListener {
    private final RoomService rooms;
    private final RoomActivity activity;
    private final RoomEvents events;

    RoomPages(RoomService rooms, RoomActivity activity, RoomEvents events) {
        this.rooms = rooms;
        this.activity = activity;
        this.events = events;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> attach(init.getUI()));
    }

    private void attach(UI ui) {
        String pageKey = ui.getSession().getSession().getId() + "/" + ui.getUIId();
        RoomBanner banner = new RoomBanner(rooms, activity, events, pageKey);
        ui.add(banner);
        ui.addBeforeEnterListener(e -> {
            if ("train".equals(e.getLocation().getPath())) {
                banner.beforeTrain();
            }
        });
        ui.addAfterNavigationListener(e -> banner.navigated(e.getLocation().getPath()));
        ui.addDetachListener(e -> banner.closed());
    }
}
