package org.nnlab.labs.backprop.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.OwnerCookieFilter;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.ui.NnMath;
import org.springframework.beans.factory.annotation.Autowired;

class BackpropLabViewTest extends KaribuSpringTest {
    @Autowired
    LabProgress progress;

    @Test
    void steppingShowsTheNotesNumbersAndTheTasksAreRemembered() {
        String owner = UUID.randomUUID().toString();
        sendCookie(OwnerCookieFilter.COOKIE, owner);
        BackpropLabView lab = open();
        assertEquals("…", text("backprop-total-error"));

        stepTimes(5);
        assertEquals("0.298371109", text("backprop-total-error"));
        assertEquals("…", text("backprop-w5-new"));
        assertFalse(lab.isTaskDone("w5"));

        stepTimes(1);
        assertEquals("0.35891648", text("backprop-w5-new"));
        String chain = formulas();
        assertTrue(chain.contains("0.74136507 \\times 0.186815602 \\times 0.593269992 = 0.082167041"), chain);
        assertTrue(lab.isTaskDone("w5"));

        stepTimes(4);
        assertEquals("0.149780716", text("backprop-w1-new"));
        String hidden = formulas();
        assertTrue(hidden.contains("= 0.055399425 + (-0.019049118) = 0.036350306"), hidden);
        assertTrue(hidden.contains("0.036350306 \\times 0.241300709 \\times 0.05 = 0.000438568"), hidden);

        _click(_get(Button.class, spec -> spec.withId("backprop-run")));
        String run = _get(Paragraph.class, spec -> spec.withId("backprop-run-error")).getText();
        assertTrue(run.startsWith("After 10,000 steps, E_total = 3.5102e-5"), run);
        assertTrue(progress.isDone(owner, Chapter.BACKPROP));

        newSession();
        sendCookie(OwnerCookieFilter.COOKIE, owner);
        BackpropLabView again = open();
        assertTrue(again.isTaskDone("w5") && again.isTaskDone("w1") && again.isTaskDone("train"), "remembered");
    }

    @Test
    void anEditedWeightRecomputesEveryNumber() {
        open();
        stepTimes(6);
        _get(NumberField.class, spec -> spec.withId("backprop-edit-w5")).setValue(0.5);
        // w5 = 0.5 instead of 0.4: the forward pass by hand gives E_total = 0.3065243335
        assertEquals("0.306524333", text("backprop-total-error"));
        assertTrue(formulas().contains("= 0.5 - 0.5 \\times 0.080874312 = 0.459562844"), formulas());
    }

    @Test
    void thePageSpeaksChinese() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        open();
        stepTimes(5);
        assertTrue(_get(com.vaadin.flow.component.html.H3.class, spec -> spec.withId("backprop-stage-title")).getText()
                .startsWith("第 5 步，共 14 步"));
    }

    private static BackpropLabView open() {
        UI.getCurrent().navigate("labs/backprop");
        return (BackpropLabView) UI.getCurrent().getCurrentView();
    }

    private static void stepTimes(int n) {
        for (int i = 0; i < n; i++) {
            _click(_get(Button.class, spec -> spec.withId("backprop-step")));
        }
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static String formulas() {
        return _get(Div.class, spec -> spec.withId("backprop-stage")).getChildren()
                .filter(c -> c instanceof NnMath).map(c -> ((NnMath) c).getTex()).reduce("", (a, b) -> a + "\n" + b);
    }
}
