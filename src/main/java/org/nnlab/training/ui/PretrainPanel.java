package org.nnlab.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.nnlab.training.PretrainingProgress;

/**
 * The pretraining phase of the run on the Train page ({@code pretrain-live}): which layer's RBM trains and how
 * far ({@code pretrain-status}), what its hidden units respond to ({@code pretrain-filters}) and the
 * reconstruction error of each layer ({@code pretrain-recon-error}). Hidden for a run without pretraining.
 */
class PretrainPanel extends Div {
    final Span status = new Span();
    final ImageGrid filters = new ImageGrid("pretrain-filters", true, 2);
    final NnChart error = new NnChart("pretrain-recon-error");
    /** The progress shown last (the view test reads it). */
    PretrainingProgress shown;

    PretrainPanel() {
        setId("pretrain-live");
        setWidthFull();
        status.setId("pretrain-status");
        Span caption = new Span(getTranslation("train.pretrain.filters"));
        caption.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        error.setHeight("220px");
        add(new H3(getTranslation("train.pretrain.title")), status, caption, filters, error);
        setVisible(false);
    }

    /** Shows {@code p}, or hides the panel when the run has no pretraining ({@code null}). */
    void show(PretrainingProgress p) {
        setVisible(p != null);
        if (p == null || p == shown) {
            shown = p;
            return;
        }
        shown = p;
        status.setText(p.isDone() ? getTranslation("train.pretrain.done", p.layers())
                : getTranslation("train.pretrain.status", p.layer() + 1, p.layers(), Math.min(p.epoch() + 1, p.epochs()),
                p.epochs(), Math.round(100 * p.fraction())));
        if (p.filters() != null) {
            filters.setImages(p.filters().count(), p.filters().rows(), p.filters().cols(), p.filters().values());
        }
        error.setOption(option(p));
    }

    private String option(PretrainingProgress p) {
        StringBuilder series = new StringBuilder();
        for (int layer = 0; layer < p.layers(); layer++) {
            StringBuilder data = new StringBuilder();
            for (PretrainingProgress.ErrorPoint point : p.curve()) {
                if (point.layer() == layer) {
                    data.append(data.isEmpty() ? "" : ",")
                            .append(String.format(Locale.ROOT, "[%d,%.5g]", point.samples(), point.error()));
                }
            }
            series.append(layer == 0 ? "" : ",").append("{\"type\":\"line\",\"showSymbol\":false,\"name\":\"")
                    .append(getTranslation("train.pretrain.layer", layer + 1)).append("\",\"data\":[").append(data).append("]}");
        }
        return "{\"animation\":false,\"grid\":{\"left\":64,\"right\":16,\"top\":36,\"bottom\":44},"
                + "\"tooltip\":{\"trigger\":\"axis\"},\"legend\":{\"top\":0},"
                + "\"xAxis\":{\"type\":\"value\",\"name\":\"" + getTranslation("train.pretrain.samples")
                + "\",\"nameLocation\":\"middle\",\"nameGap\":26},"
                + "\"yAxis\":{\"type\":\"value\",\"scale\":true,\"name\":\"" + getTranslation("train.pretrain.error") + "\"},"
                + "\"series\":[" + series + "]}";
    }
}
