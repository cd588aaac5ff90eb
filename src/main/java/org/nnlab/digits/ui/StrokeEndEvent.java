package org.nnlab.digits.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import org.nnlab.engine.data.GrayImage;

/**
 * A stroke was finished (or one was taken back): the whole drawing as it is now, as a base64 grayscale
 * image (see {@link DrawingPad#decode}). {@code seq} numbers the pad's messages (answer with
 * {@link DrawingPad#acknowledge}); {@code lastRoundTripMs} is the pad's last measured round trip
 * (-1 before the first).
 */
@DomEvent("stroke-end")
public class StrokeEndEvent extends ComponentEvent<DrawingPad> {
    private final String image;
    private final int seq;
    private final double lastRoundTripMs;

    public StrokeEndEvent(DrawingPad source, boolean fromClient, @EventData("event.detail.image") String image,
                          @EventData("event.detail.seq") int seq, @EventData("event.detail.rtt") double lastRoundTripMs) {
        super(source, fromClient);
        this.image = image;
        this.seq = seq;
        this.lastRoundTripMs = lastRoundTripMs;
    }

    /** An event without a sequence number (for server-side use and tests). */
    public StrokeEndEvent(DrawingPad source, boolean fromClient, String image) {
        this(source, fromClient, image, -1, -1);
    }

    public String getImage() {
        return image;
    }

    public GrayImage decodeImage() {
        return DrawingPad.decode(image);
    }

    public int getSeq() {
        return seq;
    }

    public double getLastRoundTripMs() {
        return lastRoundTripMs;
    }
}
