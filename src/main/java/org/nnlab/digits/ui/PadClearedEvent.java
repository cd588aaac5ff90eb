package org.nnlab.digits.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;

/** The pad is empty again: cleared, or its last stroke taken back. */
@DomEvent("pad-cleared")
public class PadClearedEvent extends ComponentEvent<DrawingPad> {
    public PadClearedEvent(DrawingPad source, boolean fromClient) {
        super(source, fromClient);
    }
}
