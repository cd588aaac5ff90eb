package org.nnlab.digits.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import org.nnlab.digits.PadImages;
import org.nnlab.engine.data.GrayImage;

/**
 * The drawing pad ({@code frontend/components/drawing-pad.ts}): the browser draws and sends the drawing
 * as a small grayscale image once per finished stroke ({@link StrokeEndEvent}, also after an undo), at
 * most ten times a second while a stroke is drawn ({@link StrokeProgressEvent}), and says when it has
 * been emptied ({@link PadClearedEvent}). Answer each stroke message with {@link #acknowledge(int)} so
 * that the pad can send the next progress message and time the round trip.
 */
@Tag("drawing-pad")
@JsModule("./components/drawing-pad.ts")
public class DrawingPad extends Component {
    /** Side of the square image the pad sends. */
    public static final int IMAGE_SIDE = PadImages.SIDE;

    public DrawingPad() {
        setLabels("Undo", "Clear", "Stroke width", "Drawing area", "");
    }

    /** Texts for the undo and clear buttons, the width slider, the canvas (for screen readers) and the empty pad. */
    public void setLabels(String undo, String clear, String width, String pad, String placeholder) {
        getElement().setProperty("undoLabel", undo);
        getElement().setProperty("clearLabel", clear);
        getElement().setProperty("widthLabel", width);
        getElement().setProperty("padLabel", pad);
        getElement().setProperty("placeholder", placeholder);
    }

    /** Width of new strokes as a fraction of the pad's side (the slider changes it in the browser). */
    public void setStrokeWidth(double fraction) {
        if (!(fraction > 0 && fraction <= 0.5)) {
            throw new IllegalArgumentException("stroke width must be a fraction of the pad in (0, 0.5], got " + fraction);
        }
        getElement().setProperty("strokeWidth", fraction);
    }

    /** Shortest time between two progress messages while a stroke is drawn (100 ms: ten a second). */
    public void setProgressInterval(int millis) {
        if (millis < 100) {
            throw new IllegalArgumentException("progress messages may come at most every 100 ms, got " + millis);
        }
        getElement().setProperty("progressInterval", millis);
    }

    /** Empties the pad; listeners hear a {@link PadClearedEvent} (not from the client). */
    public void clear() {
        getElement().callJsFunction("clear", false);
        ComponentUtil.fireEvent(this, new PadClearedEvent(this, false));
    }

    /** Takes back the last stroke in the browser, which then sends what is left as a stroke end. */
    public void undo() {
        getElement().callJsFunction("undo");
    }

    /** Tells the browser that the message numbered {@code seq} has been answered. */
    public void acknowledge(int seq) {
        getElement().setProperty("ack", seq);
    }

    public Registration addStrokeEndListener(ComponentEventListener<StrokeEndEvent> listener) {
        return addListener(StrokeEndEvent.class, listener);
    }

    public Registration addStrokeProgressListener(ComponentEventListener<StrokeProgressEvent> listener) {
        return addListener(StrokeProgressEvent.class, listener);
    }

    public Registration addPadClearedListener(ComponentEventListener<PadClearedEvent> listener) {
        return addListener(PadClearedEvent.class, listener);
    }

    /** Decodes the pad's message (see {@link PadImages}). */
    public static GrayImage decode(String base64) {
        return PadImages.decode(base64);
    }

    /** The inverse of {@link #decode}: an image of {@value #IMAGE_SIDE}² pixels as the pad would send it. */
    public static String encode(GrayImage image) {
        return PadImages.encode(image);
    }
}
