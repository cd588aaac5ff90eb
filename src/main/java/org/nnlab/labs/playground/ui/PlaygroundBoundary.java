package org.nnlab.labs.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.Base64;
import java.util.List;
import org.nnlab.engine.data.toy.ToyPoint;

/** The decision boundary as a heat map with the train and test points; clicks add points (see {@code playground-boundary.ts}). */
@Tag("playground-boundary")
@JsModule("./components/playground-boundary.ts")
class PlaygroundBoundary extends Component {
    PlaygroundBoundary() {
        setId("playground-boundary");
    }

    /** Paints a {@code grid × grid} picture, one byte per cell (0 class 0 … 255 class 1). */
    void show(int grid, byte[] picture) {
        getElement().callJsFunction("show", grid, Base64.getEncoder().encodeToString(picture));
    }

    void setPoints(List<ToyPoint> train, List<ToyPoint> test) {
        StringBuilder x1 = new StringBuilder();
        StringBuilder x2 = new StringBuilder();
        StringBuilder label = new StringBuilder();
        StringBuilder isTest = new StringBuilder();
        int i = 0;
        for (List<ToyPoint> set : List.of(train, test)) {
            for (ToyPoint p : set) {
                String sep = i++ == 0 ? "" : ",";
                x1.append(sep).append((float) p.x1());
                x2.append(sep).append((float) p.x2());
                label.append(sep).append(p.label());
                isTest.append(sep).append(set == test);
            }
        }
        getElement().callJsFunction("setPoints", "{\"x1\":[" + x1 + "],\"x2\":[" + x2 + "],\"label\":[" + label
                + "],\"test\":[" + isTest + "]}");
    }

    Registration addPointAddListener(ComponentEventListener<PointAddEvent> listener) {
        return addListener(PointAddEvent.class, listener);
    }

    /** A click on the picture: where, in data coordinates, and whether shift was held (the other class). */
    @DomEvent("point-add")
    public static class PointAddEvent extends ComponentEvent<PlaygroundBoundary> {
        private final double x1;
        private final double x2;
        private final boolean other;

        public PointAddEvent(PlaygroundBoundary source, boolean fromClient, @EventData("event.detail.x1") double x1,
                      @EventData("event.detail.x2") double x2, @EventData("event.detail.other") boolean other) {
            super(source, fromClient);
            this.x1 = x1;
            this.x2 = x2;
            this.other = other;
        }

        double x1() {
            return x1;
        }

        double x2() {
            return x2;
        }

        boolean other() {
            return other;
        }
    }
}
