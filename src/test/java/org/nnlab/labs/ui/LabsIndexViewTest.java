package org.nnlab.labs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.labs.Chapter;

class LabsIndexViewTest extends KaribuSpringTest {

    @Test
    void oneCardPerChapterInTheNotesOrderAndUnbuiltChaptersAreComing() {
        UI.getCurrent().navigate("labs");
        Div index = _get(Div.class, spec -> spec.withId("labs-index"));
        List<String> ids = index.getChildren().map(c -> c.getId().orElse("")).toList();
        assertEquals(Arrays.stream(Chapter.values()).map(c -> "lab-card-" + c.key()).toList(), ids);
        Div lstm = _get(Div.class, spec -> spec.withId("lab-card-lstm"));
        assertEquals("LSTM", _get(lstm, H3.class).getText());
        assertTrue(!lstm.hasClassName("coming") && !_find(lstm, Anchor.class).isEmpty(), "a built chapter is a link");
        for (Chapter chapter : Chapter.values()) {
            Div card = _get(Div.class, spec -> spec.withId("lab-card-" + chapter.key()));
            boolean built = com.vaadin.flow.router.RouteConfiguration.forApplicationScope().isPathAvailable(chapter.route());
            assertEquals(!built, card.hasClassName("coming"), chapter.key());
            assertEquals(built, !_find(card, Anchor.class).isEmpty(), "a coming chapter is no link: " + chapter.key());
        }
    }

    @Test
    void theIndexSpeaksChinese() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("labs");
        Div card = _get(Div.class, spec -> spec.withId("lab-card-perceptron"));
        assertEquals("感知机", _get(card, H3.class).getText());
    }
}
