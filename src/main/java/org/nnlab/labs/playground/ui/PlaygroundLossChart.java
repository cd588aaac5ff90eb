package org.nnlab.labs.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Train and test loss over the epochs (see {@code playground-loss.ts}). */
@Tag("playground-loss")
@JsModule("./components/playground-loss.ts")
class PlaygroundLossChart extends Component {
    PlaygroundLossChart() {
        setId("playground-loss");
    }

    void show(float[] train, float[] test) {
        getElement().callJsFunction("show", array(train), array(test));
    }

    private static ArrayNode array(float[] values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(values.length);
        for (float v : values) {
            a.add(Float.isFinite(v) ? v : 0f);
        }
        return a;
    }
}
