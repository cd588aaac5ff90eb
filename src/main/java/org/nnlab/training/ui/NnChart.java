package org.nnlab.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * An ECharts chart ({@code <nn-chart>}): the whole option as JSON when the chart is made or starts over,
 * then only new points, appended to a series in the browser.
 */
@Tag("nn-chart")
@JsModule("./components/nn-chart.ts")
@NpmPackage(value = "echarts", version = "6.1.0")
public class NnChart extends Component implements HasSize {
    public NnChart(String id) {
        setId(id);
        setWidthFull();
        setHeight("260px");
    }

    /** Replaces the chart: its option and data, forgetting appended points. */
    public void setOption(String json) {
        getElement().setProperty("option", json);
    }

    String getOption() {
        return getElement().getProperty("option", "{}");
    }

    /** Adds {@code pointsJson}, a JSON array of data items, to the end of series {@code series}. */
    void appendPoints(int series, String pointsJson) {
        getElement().callJsFunction("appendPoints", series, pointsJson);
    }

    Registration addClickListener(ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    /** A click on a data item: its series, its index in the series and its value as JSON. */
    @DomEvent("chart-click")
    public static class ChartClickEvent extends ComponentEvent<NnChart> {
        private final int series;
        private final int index;
        private final String value;

        public ChartClickEvent(NnChart source, boolean fromClient, @EventData("event.detail.series") int series,
                               @EventData("event.detail.index") int index, @EventData("event.detail.value") String value) {
            super(source, fromClient);
            this.series = series;
            this.index = index;
            this.value = value;
        }

        public int series() {
            return series;
        }

        public int index() {
            return index;
        }

        public String value() {
            return value;
        }
    }
}
