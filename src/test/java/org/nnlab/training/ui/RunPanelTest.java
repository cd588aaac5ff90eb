package org.nnlab.training.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.button.Button;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.TrainingService;
import org.springframework.beans.factory.annotation.Autowired;

/** The run's buttons and status line. */
class RunPanelTest extends KaribuSpringTest {
    @Autowired
    TrainingService training;

    private RunPanel panel() {
        List<JobSnapshot> changes = new ArrayList<>();
        return new RunPanel(training, "someone", new Button("Start"), changes::add);
    }

    @Test
    void timeLeftIsShownOnlyOnceTheServiceCanEstimateIt() {
        RunPanel panel = panel();
        JobId id = JobId.random();
        panel.show(Snapshots.at(id, JobState.RUNNING, 4, Double.NaN, Double.NaN, null));
        assertEquals("8 % done", panel.speed.getText());
        panel.show(Snapshots.at(id, JobState.RUNNING, 5, 1234, Double.NaN, null));
        assertEquals("10 % done, 1,234 samples/s", panel.speed.getText());
        panel.show(Snapshots.at(id, JobState.RUNNING, 6, 1234, 75, null));
        assertEquals("12 % done, 1,234 samples/s, about 1:15 left", panel.speed.getText());
    }

    @Test
    void buttonsFollowTheState() {
        RunPanel panel = panel();
        assertFalse(panel.stop.isEnabled());
        assertFalse(panel.progress.isVisible(), "no run, no progress bar");
        JobId id = JobId.random();
        panel.show(Snapshots.at(id, JobState.PAUSED, 3, Double.NaN, Double.NaN, null));
        assertTrue(panel.resume.isEnabled() && panel.step.isEnabled() && panel.stop.isEnabled());
        assertFalse(panel.pause.isEnabled());
        panel.show(Snapshots.at(id, JobState.FINISHED, 3, Double.NaN, Double.NaN, Snapshots.confusion(9)));
        assertFalse(panel.stop.isEnabled());
        assertTrue(panel.status.getText().contains("test accuracy"), panel.status.getText());
    }

    @Test
    void theTestAccuracyIsNamedOnlyOnceTheRunHasEnded() {
        RunPanel panel = panel();
        panel.show(Snapshots.running(JobId.random(), 10, Snapshots.confusion(9)));
        assertFalse(panel.status.getText().contains("test accuracy"), panel.status.getText());
    }
}
