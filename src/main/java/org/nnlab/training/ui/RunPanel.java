package org.nnlab.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.Locale;
import java.util.function.Consumer;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.TrainingService;

/**
 * The run as it goes: pause, resume, stop and one step, with its status, progress, speed and time left.
 * What a button does comes back as a snapshot to {@code onChange}.
 */
class RunPanel extends VerticalLayout {
    private final TrainingService training;
    private final String owner;
    private final Consumer<JobSnapshot> onChange;
    private final FlexLayout buttons = new FlexLayout();
    final Button pause = new Button();
    final Button resume = new Button();
    final Button stop = new Button();
    final Button step = new Button();
    final Span status = new Span();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Span speed = new Span();
    private JobSnapshot current;

    /** @param start the button that starts a run, shown first in the row of buttons */
    RunPanel(TrainingService training, String owner, Button start, Consumer<JobSnapshot> onChange) {
        this.training = training;
        this.owner = owner;
        this.onChange = onChange;
        configure(pause, "pause", "train.pause", training::pause);
        configure(resume, "resume", "train.resume", training::resume);
        configure(stop, "stop", "train.stop", training::stop);
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        configure(step, "step", "train.step", training::step);
        buttons.add(start, pause, resume, stop, step);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.getStyle().set("gap", "var(--lumo-space-s)").set("margin-bottom", "var(--lumo-space-s)");
        status.setId("job-status");
        progress.setId("progress");
        speed.setId("speed");
        add(buttons, status, progress, speed);
        setPadding(false);
        setSpacing(false);
        setMaxWidth("900px");
        show(null);
    }

    private interface Control {
        JobSnapshot apply(String owner, JobId id);
    }

    private void configure(Button button, String id, String key, Control action) {
        button.setId(id);
        button.setText(getTranslation(key));
        button.addClickListener(e -> {
            if (current != null) {
                onChange.accept(action.apply(owner, current.id()));
            }
        });
    }

    /** Shows {@code s} (or no run at all when null) and enables what can be done now. */
    void show(JobSnapshot s) {
        current = s;
        JobState state = s == null ? null : s.state();
        pause.setEnabled(state == JobState.RUNNING);
        resume.setEnabled(state == JobState.PAUSED);
        step.setEnabled(state == JobState.PAUSED);
        stop.setEnabled(state != null && !state.isFinal());
        status.setText(s == null ? "" : statusText(s));
        progress.setValue(s == null ? 0 : Math.max(0, Math.min(1, s.progress())));
        speed.setText(s == null ? "" : speedText(s));
        progress.setVisible(s != null);
    }

    private String statusText(JobSnapshot s) {
        String state = getTranslation("train.state." + s.state().name().toLowerCase(Locale.ROOT));
        String text = getTranslation("train.status", getTranslation("train.network." + s.networkName()), state,
                s.epoch(), s.epochs(), s.step());
        if (s.state() == JobState.QUEUED && s.queuePosition() > 0) {
            text += " · " + getTranslation("train.queuePosition", s.queuePosition());
        }
        if (s.state() == JobState.FAILED && !s.message().isEmpty()) {
            text += " · " + getTranslation("train.failedBecause", EngineMessages.localize(s.message(), getLocale()));
        }
        if (s.isFinal() && s.confusion() != null) {
            text += " · " + getTranslation("train.testAccuracy", String.format(Locale.ROOT, "%.2f", 100 * s.confusion().accuracy()));
        }
        return text;
    }

    /** Progress, then speed once known, then time left once the service can estimate it (not NaN). */
    private String speedText(JobSnapshot s) {
        String percent = String.format(Locale.ROOT, "%.0f", 100 * s.progress());
        if (!(s.samplesPerSecond() > 0)) {
            return getTranslation("train.progress", percent);
        }
        String rate = String.format(Locale.ROOT, "%,.0f", s.samplesPerSecond());
        if (!Double.isFinite(s.secondsLeft())) {
            return getTranslation("train.progressRate", percent, rate);
        }
        long left = Math.round(s.secondsLeft());
        return getTranslation("train.progressSpeed", percent, rate, String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60));
    }
}
