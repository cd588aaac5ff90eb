package org.nnlab.training.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.json.Json;

/**
 * What the server would send the browser at the next response: the UI's queued tasks run, then the
 * element method calls are taken out of the UI before Karibu's round trip would drop them.
 */
final class SentCalls {
    /** One {@code appendPoints} call: the chart, the series, and the [step, value] items. */
    record Append(String chartId, int series, List<List<Double>> points) {
        List<Integer> steps() {
            return points.stream().map(p -> p.get(0).intValue()).toList();
        }
    }

    private SentCalls() {
    }

    /** The {@code appendPoints} calls the next response would carry, in order. */
    static List<Append> appends() {
        MockVaadin.runUIQueue(false);
        UI ui = UI.getCurrent();
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<Append> appends = new ArrayList<>();
        for (PendingJavaScriptInvocation call : ui.getInternals().dumpPendingJavaScriptInvocations()) {
            String expression = call.getInvocation().getExpression();
            List<Object> parameters = call.getInvocation().getParameters();
            if (expression.contains("appendPoints") && parameters.getFirst() instanceof Element chart) {
                @SuppressWarnings("unchecked")
                List<List<Double>> points = (List<List<Double>>) Json.parse(String.valueOf(parameters.get(2)));
                appends.add(new Append(chart.getAttribute("id"), ((Number) parameters.get(1)).intValue(), points));
            }
        }
        return appends;
    }
}
