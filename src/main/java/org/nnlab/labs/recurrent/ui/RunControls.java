package org.nnlab.labs.recurrent.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.labs.recurrent.LiveLab;

/**
 * A recurrent lab's row of settings with its Start and Stop buttons, and the status line below it: Start stops the
 * run before (if any), makes new work and runs it on the {@link LiveLab} for this browser's owner, its frames shown
 * in the page's UI thread; Stop, or the page going away, ends the run. Ids: {@code startId}, {@code prefix-stop},
 * {@code prefix-status}.
 */
final class RunControls<F> extends Div {
    final Button start;
    final Button stop = new Button(getTranslation("labs.recurrent.stop"), VaadinIcon.STOP.create());
    final Span status = new Span(getTranslation("labs.recurrent.status.idle"));
    private final LiveLab lab;
    private final Supplier<LiveLab.Work<F>> work;
    private final Consumer<F> show;
    private LiveLab.Run run;

    RunControls(LiveLab lab, String prefix, String startId, String startKey, Supplier<LiveLab.Work<F>> work,
                Consumer<F> show, Component... settings) {
        this.lab = lab;
        this.work = work;
        this.show = show;
        start = new Button(getTranslation(startKey), VaadinIcon.PLAY.create());
        start.setId(startId);
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> start());
        stop.setId(prefix + "-stop");
        stop.setEnabled(false);
        stop.addClickListener(e -> stop());
        status.setId(prefix + "-status");
        status.addClassName("nnlab-rnn-status");
        add(settings);
        add(start, stop);
        addClassName("nnlab-rnn-controls");
        addDetachListener(e -> stop());
    }

    private void start() {
        stop();
        LiveLab.Work<F> next = work.get();
        UI ui = UI.getCurrent();
        run = lab.start(CurrentOwner.id(), next, frame -> ui.access(() -> show.accept(frame)));
        stop.setEnabled(true);
        status.setText(getTranslation("labs.recurrent.status.starting"));
    }

    void stop() {
        if (run != null) {
            run.stop();
            run = null;
        }
        stop.setEnabled(false);
    }
}
