package org.nnlab.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import org.nnlab.builder.DiagramSvg;
import org.nnlab.builder.NetworkAnalysis;
import org.nnlab.engine.spec.ModelSpec;

/**
 * What Start will train, before it does: the builder's summary of the network (each layer with its
 * output shape and parameters, the total) and the data it will get.
 */
class NetworkPreview extends Div {
    final OrderedList layers = new OrderedList();
    final Span total = new Span();
    final Span data = new Span();

    NetworkPreview() {
        setId("train-preview");
        Span title = new Span(getTranslation("train.preview.title"));
        title.getStyle().set("font-weight", "600");
        layers.setId("train-preview-layers");
        layers.getStyle().set("margin", "var(--lumo-space-xs) 0").set("padding-left", "var(--lumo-space-l)")
                .set("columns", "3 17em").set("column-gap", "var(--lumo-space-xl)");
        total.setId("train-preview-total");
        data.setId("train-preview-data");
        Div footer = new Div(total, new Span(" · "), data);
        add(title, layers, footer);
        getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("margin-top", "var(--lumo-space-s)").set("max-width", "100%").set("overflow-wrap", "anywhere");
    }

    /** Shows {@code spec} (nothing when null) and the data described by {@code dataLabel} (null: none fits). */
    void show(ModelSpec spec, String dataLabel) {
        layers.removeAll();
        setVisible(spec != null);
        if (spec == null) {
            return;
        }
        NetworkAnalysis analysis = NetworkAnalysis.of(spec);
        for (NetworkAnalysis.Row row : analysis.rows()) {
            String kind = getTranslation("build.kind." + row.spec().kind());
            layers.add(new ListItem(getTranslation("train.preview.layer", kind.startsWith("!") ? row.spec().kind() : kind,
                    DiagramSvg.shape(row.output()), DiagramSvg.number(row.params(), false))));
        }
        total.setText(getTranslation("train.preview.total", DiagramSvg.number(analysis.params(), false)));
        data.setText(dataLabel == null ? getTranslation("train.data.none", DiagramSvg.shape(spec.input()))
                : getTranslation("train.preview.data", dataLabel, DiagramSvg.shape(spec.input())));
    }
}
