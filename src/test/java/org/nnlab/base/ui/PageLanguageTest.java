package org.nnlab.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.i18n.Translations;

/** An open page's {@code <html lang>} follows the page's language when it changes. */
class PageLanguageTest extends KaribuSpringTest {

    @Test
    void theLanguageSwitchSetsThePageLanguageBothWays() {
        UI.getCurrent().navigate("");
        langSent();

        LanguageSwitch.switchTo(Translations.CHINESE);
        assertEquals(List.of("zh-CN"), langSent());

        UI.getCurrent().navigate("train");
        assertEquals(List.of(), langSent(), "navigating in the same language leaves the attribute alone");

        LanguageSwitch.switchTo(Translations.ENGLISH);
        assertEquals(List.of("en"), langSent());
    }

    @Test
    void anyChangeOfThePageLocaleIsFollowedAsJoiningARoomDoes() {
        UI.getCurrent().navigate("");
        langSent();
        UI.getCurrent().setLocale(Locale.forLanguageTag("zh-TW"));
        assertEquals(List.of("zh-CN"), langSent(), "every Chinese is shown in simplified Chinese");
    }

    /** The values the next response would set {@code document.documentElement.lang} to, in order. */
    private static List<String> langSent() {
        MockVaadin.runUIQueue(false);
        UI ui = UI.getCurrent();
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<String> sent = new ArrayList<>();
        for (PendingJavaScriptInvocation call : ui.getInternals().dumpPendingJavaScriptInvocations()) {
            if (call.getInvocation().getExpression().contains("document.documentElement.lang")) {
                sent.add(String.valueOf(call.getInvocation().getParameters().getFirst()));
            }
        }
        return sent;
    }
}
