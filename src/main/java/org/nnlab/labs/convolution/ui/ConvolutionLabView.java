package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.util.BitSet;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.digits.DigitClassifier;
import org.nnlab.digits.DrawingCollection;
import org.nnlab.digits.ui.DrawingPad;
import org.nnlab.engine.model.Presets;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.convolution.ShippedCnn;
import org.nnlab.labs.convolution.Windows;
import org.nnlab.labs.ui.LabPage;

/**
 * The convolution lab (section 5 of the notes): the worked 4×4 example stepped window by window, which
 * kernel answers where, max and average pooling, zero padding, the integer rule for output sizes, and
 * weight sharing in the notes' digit CNN; then your own digit under a kernel of your choice, the shipped
 * CNN's whole pipeline for it, and its few first-layer filters next to its many second-layer maps.
 * Every number comes from the engine's layers ({@link Windows}) or the shipped model ({@link ShippedCnn}).
 */
@Route(value = "labs/convolution")
@StyleSheet("context://labs/convolution.css")
@Uses(DrawingPad.class)
public class ConvolutionLabView extends LabPage {
    static final int TICK_MILLIS = 700;
    private final BitSet visited = new BitSet();
    private final Example example;
    private final Pooling pooling;
    private final Padding padding;
    private final Button play = new Button();
    {
        visited.set(0);
    }
    private Registration poll;

    public ConvolutionLabView(LabProgress progress, DigitClassifier classifier, ShippedCnn cnn,
                              DrawingCollection drawings) {
        super(Chapter.CONVOLUTION, progress);
        pooling = new Pooling(choice -> {
            if (!"max1".equals(choice)) {
                complete("pool");
            }
        });
        padding = new Padding(p -> complete("pad"));
        example = new Example(this::visited, this::exampleChanged);
        addSection("labs.convolution.idea", prose("labs.convolution.idea.p1"),
                formula("y_{r,c} = \\varphi\\Big(b + \\sum_{i=0}^{k_h-1}\\sum_{j=0}^{k_w-1} w_{i,j}\\, x_{r\\cdot s_h + i,\\; c\\cdot s_w + j}\\Big)"),
                prose("labs.convolution.idea.p2"));
        addSection("labs.convolution.example", prose("labs.convolution.example.p1"), buttons(), example,
                prose("labs.convolution.why"));
        addSection("labs.convolution.pooling", prose("labs.convolution.pooling.p1"), pooling,
                prose("labs.convolution.pooling.why"));
        addSection("labs.convolution.padding", prose("labs.convolution.padding.p1"),
                formula("W_{out} = \\frac{W + 2P - F}{S} + 1"), padding);
        addSection("labs.convolution.sizes", prose("labs.convolution.sizes.p1"), new Sizes(() -> complete("rule")),
                prose("labs.convolution.q3"));
        Pipeline pipeline = new Pipeline();
        FewThenMany fewThenMany = new FewThenMany(cnn.firstFilters());
        OwnDigit own = new OwnDigit(classifier, cnn, drawings, CurrentOwner.id(), (input, reading) -> {
            pipeline.show(input, reading);
            fewThenMany.show(reading);
        });
        addSection("labs.convolution.own", prose("labs.convolution.own.p1"), own);
        addSection("labs.convolution.pipe", prose("labs.convolution.pipe.p1"), pipeline,
                prose("labs.convolution.pipe.shift"));
        addSection("labs.convolution.sharing", prose("labs.convolution.sharing.p1"), sharing());
        addSection("labs.convolution.few", prose("labs.convolution.q2"), fewThenMany,
                prose("labs.convolution.block.p1"));
        addTasks();
        addOpenLinks(Presets.DIGIT_CNN.spec());
        exampleChanged();
    }

    private Div buttons() {
        Button step = new Button(getTranslation("labs.convolution.step"), e -> example.step());
        step.setId("conv-step");
        play.setId("conv-play");
        play.addThemeVariants(ButtonVariant.PRIMARY);
        play.addClickListener(e -> togglePlay());
        Button reset = new Button(getTranslation("labs.convolution.reset"), e -> example.reset());
        reset.setId("conv-reset");
        showPlayText();
        Div buttons = new Div(play, step, reset);
        buttons.addClassName("nnlab-lab-buttons");
        return buttons;
    }

    private void togglePlay() {
        if (poll != null) {
            stop();
            return;
        }
        getUI().ifPresent(ui -> {
            ui.setPollInterval(TICK_MILLIS);
            poll = ui.addPollListener(e -> {
                if (!example.step()) {
                    stop();
                }
            });
        });
        showPlayText();
    }

    private void stop() {
        if (poll != null) {
            poll.remove();
            poll = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
        showPlayText();
    }

    private void showPlayText() {
        play.setText(getTranslation(poll == null ? "labs.convolution.play" : "labs.convolution.pause"));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stop();
        super.onDetach(detach);
    }

    private void visited(int position) {
        if (position < Example.OUT * Example.OUT) {
            visited.set(position);
        }
        if (visited.cardinality() == Example.OUT * Example.OUT) {
            complete("step");
        }
    }

    private void exampleChanged() {
        if (pooling != null && example != null) {
            pooling.show(example.maps());
            padding.show(example.image());
        }
    }

    private Div sharing() {
        Div table = new Div();
        table.setId("conv-param-ratio");
        table.addClassName("nnlab-conv-sharing");
        for (Windows.Sharing row : Windows.sharing(Presets.DIGIT_CNN.spec())) {
            Span line = new Span(getTranslation("labs.convolution.sharing.row", row.layer() + 1, row.input(),
                    row.output(), String.format(getLocale(), "%,d", row.convParams()),
                    String.format(getLocale(), "%,d", row.denseParams()),
                    String.format(getLocale(), "%,.0f", row.ratio())));
            table.add(line);
        }
        return table;
    }
}
