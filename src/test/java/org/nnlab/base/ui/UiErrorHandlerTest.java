package org.nnlab.base.ui;

import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;

class UiErrorHandlerTest extends KaribuSpringTest {

    @Test
    void anUnexpectedErrorShowsOneSentenceInTheUsersLanguage() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        assertEquals(UiErrorHandler.class, VaadinSession.getCurrent().getErrorHandler().getClass());

        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new IllegalStateException("boom")));
        MockVaadin.clientRoundtrip(false);

        expectNotifications("服务器出了点问题。你的内容已保留，请再试一次。");
    }
}
