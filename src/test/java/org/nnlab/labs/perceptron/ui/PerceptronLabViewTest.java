package org.nnlab.labs.perceptron.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.OwnerCookieFilter;
import org.nnlab.engine.perceptron.LogicGate;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.springframework.beans.factory.annotation.Autowired;

class PerceptronLabViewTest extends KaribuSpringTest {
    @Autowired
    LabProgress progress;

    @Test
    void andOrAndNotConvergeXorDoesNotAndTheTasksAreRemembered() {
        String owner = UUID.randomUUID().toString();
        sendCookie(OwnerCookieFilter.COOKIE, owner);
        PerceptronLabView lab = open();
        assertFalse(lab.isTaskDone("and"));

        for (LogicGate gate : new LogicGate[] {LogicGate.AND, LogicGate.OR, LogicGate.NOT}) {
            choose(gate);
            _click(_get(Button.class, spec -> spec.withId("perceptron-run")));
            assertTrue(status().startsWith("Converged after"), gate + ": " + status());
        }
        assertTrue(lab.isTaskDone("and") && lab.isTaskDone("not"));

        choose(LogicGate.XOR);
        _click(_get(Button.class, spec -> spec.withId("perceptron-run")));
        assertTrue(status().startsWith("Did not converge after 100 epochs"), status());
        assertTrue(_get(Anchor.class, spec -> spec.withId("perceptron-hidden-layer")).isVisible());
        assertEquals("labs/playground?data=xor&features=x1,x2&hidden=4",
                _get(Anchor.class, spec -> spec.withId("perceptron-hidden-layer")).getHref());
        assertTrue(lab.isTaskDone("xor"));
        assertTrue(progress.isDone(owner, Chapter.PERCEPTRON));

        newSession();
        sendCookie(OwnerCookieFilter.COOKIE, owner);
        PerceptronLabView again = open();
        assertTrue(again.isTaskDone("and") && again.isTaskDone("not") && again.isTaskDone("xor"), "remembered");
        UI.getCurrent().navigate("labs");
        assertTrue(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("lab-done-perceptron")).isVisible());
    }

    @Test
    void learningOneSampleShowsTheRuleWithItsNumbers() {
        open();
        NumberField w1 = _get(NumberField.class, spec -> spec.withId("perceptron-w1-field"));
        assertEquals(0.3, w1.getValue(), 1e-9);
        _click(_get(Button.class, spec -> spec.withId("perceptron-step")));
        // AND, sample (0, 0): w·x + b = 0.1 ≥ 0, so y = 1 but t = 0: the bias drops by η = 0.1, the weights stay
        String log = _get(Div.class, spec -> spec.withId("perceptron-log")).getChildren()
                .filter(c -> c instanceof Paragraph).map(c -> ((Paragraph) c).getText()).findFirst().orElseThrow();
        assertTrue(log.startsWith("Epoch 1, sample 1: x = (0, 0), t = 0, y = 1. Wrong"), log);
        assertEquals(0.0, _get(NumberField.class, spec -> spec.withId("perceptron-b-field")).getValue(), 1e-6);
        assertEquals(0.3, w1.getValue(), 1e-6);
    }

    @Test
    void aWeightSetByHandThatSolvesAndCompletesTheTask() {
        open();
        setField("perceptron-w1-field", 1);
        setField("perceptron-w2-field", 1);
        setField("perceptron-b-field", -1.5);
        assertTrue(status().startsWith("0 of 4 samples"), status());
        assertTrue(((PerceptronLabView) UI.getCurrent().getCurrentView()).isTaskDone("and"));
    }

    @Test
    void thePageSpeaksChinese() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        open();
        choose(LogicGate.XOR);
        _click(_get(Button.class, spec -> spec.withId("perceptron-run")));
        assertTrue(status().startsWith("学了 100 轮仍没有收敛"), status());
    }

    private static PerceptronLabView open() {
        UI.getCurrent().navigate("labs/perceptron");
        return (PerceptronLabView) UI.getCurrent().getCurrentView();
    }

    @SuppressWarnings("unchecked")
    private static void choose(LogicGate gate) {
        RadioButtonGroup<LogicGate> group = _get(RadioButtonGroup.class, spec -> spec.withId("perceptron-gate"));
        group.setValue(gate);
    }

    private static void setField(String id, double value) {
        _get(NumberField.class, spec -> spec.withId(id)).setValue(value);
    }

    private static String status() {
        return _get(Paragraph.class, spec -> spec.withId("perceptron-status")).getText();
    }
}
