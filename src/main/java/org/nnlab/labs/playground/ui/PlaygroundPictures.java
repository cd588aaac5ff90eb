package org.nnlab.labs.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.Base64;
import java.util.List;
import org.nnlab.labs.playground.PlaygroundFrame;

/** The network drawn as neuron heat maps joined by weight lines (see {@code playground-network.ts}). */
@Tag("playground-network")
@JsModule("./components/playground-network.ts")
class PlaygroundPictures extends Component {
    PlaygroundPictures() {
        setId("playground-network");
    }

    /** Draws {@code frame}; {@code names} label the inputs. */
    void show(PlaygroundFrame frame, List<String> names) {
        StringBuilder json = new StringBuilder("{\"layout\":").append(java.util.Arrays.toString(frame.layout()))
                .append(",\"neuronGrid\":").append(frame.neuronGrid()).append(",\"neurons\":[");
        for (int i = 0; i < frame.neurons().size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(Base64.getEncoder().encodeToString(frame.neurons().get(i))).append('"');
        }
        json.append("],\"weights\":[");
        float[] w = frame.weights();
        for (int i = 0; i < w.length; i++) {
            json.append(i == 0 ? "" : ",").append(Float.isFinite(w[i]) ? w[i] : 0f);
        }
        json.append("],\"names\":[");
        for (int i = 0; i < names.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(names.get(i)).append('"');
        }
        getElement().callJsFunction("show", json.append("]}").toString());
    }
}
