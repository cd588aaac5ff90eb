package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.nnlab.builder.SpecLinks;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.LayerSummary;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.labs.convolution.ShippedCnn.Filter;
import org.nnlab.labs.convolution.ShippedCnn.Reading;
import org.nnlab.labs.convolution.ShippedCnn.Stage;

/**
 * The notes' second question answered on your digit: the shipped CNN's few first-layer filters (simple
 * strokes on raw pixels) next to the many maps its second layer makes of them; and the conv-pool block
 * (PaddlePaddle's {@code simple_img_conv_pool}) as one block, its settings read from the engine's spec,
 * with a link that opens the notes' network built from two such blocks in Build.
 */
final class FewThenMany extends Div {
    private final Div secondMaps = new Div();
    private final Span secondCaption = new Span();

    FewThenMany(List<Filter> filters) {
        addClassName("nnlab-conv-few-many");
        Div first = new Div();
        first.setId("conv-first-filters");
        first.addClassName("nnlab-conv-maps");
        filters.forEach(f -> first.add(KernelEditor.picture(f)));
        Span firstCaption = new Span(filters.isEmpty() ? getTranslation("labs.convolution.pipe.none")
                : getTranslation("labs.convolution.few.first", filters.size(), filters.getFirst().height(),
                filters.getFirst().width(), filters.size() * (filters.getFirst().weights().length + 1)));
        firstCaption.addClassName("nnlab-conv-caption");
        secondMaps.setId("conv-second-maps");
        secondMaps.addClassName("nnlab-conv-maps");
        secondCaption.addClassName("nnlab-conv-caption");
        Div firstBox = new Div(firstCaption, first);
        firstBox.addClassName("nnlab-conv-figure");
        Div secondBox = new Div(secondCaption, secondMaps);
        secondBox.addClassName("nnlab-conv-figure");
        Div row = new Div(firstBox, secondBox);
        row.addClassName("nnlab-conv-row");
        add(row, block());
        show(null);
    }

    /** The second convolution's maps (after ReLU) for the digit {@code reading} read; null: none yet. */
    void show(Reading reading) {
        Stage second = reading == null ? null : reading.stage("relu", 1).orElse(null);
        if (second == null || !second.isMaps()) {
            secondMaps.removeAll();
            secondCaption.setText(getTranslation("labs.convolution.few.waiting"));
            return;
        }
        secondCaption.setText(getTranslation("labs.convolution.few.second", second.shape().dim(0),
                second.shape().dim(1), second.shape().dim(2)));
        List<String> sources = Pipeline.sources(second.values(), second.shape());
        if (secondMaps.getComponentCount() != sources.size()) {
            secondMaps.removeAll();
            for (int c = 0; c < sources.size(); c++) {
                Image map = new Image();
                map.setAlt("");
                map.setId("conv-second-map-" + c);
                map.addClassName("nnlab-conv-map");
                secondMaps.add(map);
            }
        }
        for (int c = 0; c < sources.size(); c++) {
            ((Image) secondMaps.getComponentAt(c)).setSrc(sources.get(c));
        }
    }

    /** The first block of the notes' conv-pool network, with its settings and shapes. */
    private Div block() {
        ModelSpec spec = Presets.CONV_POOL.spec();
        ConvPoolBlockSpec b = (ConvPoolBlockSpec) spec.layers().getFirst();
        LayerSummary summary = spec.summary().getFirst();
        Paragraph settings = new Paragraph(getTranslation("labs.convolution.block.settings", b.filterSize(),
                b.filters(), b.poolSize(), b.poolStride(), b.activation()));
        Paragraph expands = new Paragraph(getTranslation("labs.convolution.block.expands",
                Pipeline.dims(summary.inputShape()), Pipeline.dims(summary.outputShape()),
                String.format(getLocale(), "%,d", summary.params())));
        Anchor build = new Anchor(SpecLinks.link("build", spec));
        build.setId("conv-block-build");
        build.add(VaadinIcon.CUBES.create(), new Span(getTranslation("labs.convolution.block.build")));
        build.addClassName("nnlab-conv-build-link");
        Span title = new Span("simple_img_conv_pool");
        title.addClassName("nnlab-conv-block-title");
        Div box = new Div(title, settings, expands, build);
        box.setId("conv-block");
        box.addClassName("nnlab-conv-block");
        return box;
    }
}
