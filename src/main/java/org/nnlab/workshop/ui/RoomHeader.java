package org.nnlab.workshop.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import org.nnlab.workshop.Room;

/** What the projector shows: the room's title, its join code in large letters, the join link and its QR code. */
class RoomHeader extends Div {
    final Span code = new Span();
    final Anchor link = new Anchor();
    final Span state = new Span();
    final Image qr;

    RoomHeader(Room room) {
        addClassName("nnlab-room-header");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)")
                .set("align-items", "center");
        String url = PublicLinks.join(room.code());
        code.setId("room-code");
        code.setText(room.code());
        code.getStyle().set("font-size", "clamp(2.5rem, 12vw, 6rem)").set("font-weight", "700")
                .set("letter-spacing", "0.12em").set("font-family", "var(--lumo-font-family-monospace, monospace)");
        link.setId("room-link");
        link.setHref(url);
        link.setText(url);
        link.setTarget("_blank");
        link.getStyle().set("overflow-wrap", "anywhere");
        state.setId("room-state");
        qr = QrCode.image(url, getTranslation("workshop.room.qrAlt", room.code()));
        qr.setId("room-qr");
        qr.getStyle().set("width", "min(80vw, 420px)").set("height", "auto").set("image-rendering", "pixelated");
        Div text = new Div(new H2(room.title()), new Span(getTranslation("workshop.room.joinAt")), new Div(link), code, new Div(state));
        text.getStyle().set("min-width", "0").set("flex", "1 1 18rem");
        add(text, qr);
        show(room);
    }

    void show(Room room) {
        state.setText(getTranslation("workshop.state." + room.state().name().toLowerCase(java.util.Locale.ROOT)));
    }
}
