package org.nnlab.digits.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import org.nnlab.engine.data.GrayImage;

/**
 * A stroke is being drawn: the drawing so far, sent at most every {@code progressInterval} ms (ten a
 * second) and only once the previous progress message was answered. Same data as {@link StrokeEndEvent}.
 */
@DomEvent("stroke-progress")
public class StrokeProgressEvent extends ComponentEvent<DrawingPad> {
    private final String image;
    private final int seq;

    public StrokeProgressEvent(DrawingPad source, boolean fromClient, @EventData("event.detail.image") String image,
                               @EventData("event.detail.seq") int seq) {
        super(source, fromClient);
        this.image = image;
        this.seq = seq;
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
}
