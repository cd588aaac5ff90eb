package org.nnlab.base.ui;

import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileException;
import org.nnlab.engine.spec.SpecLimitException;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.training.JobId;
import org.nnlab.training.JobNotFoundException;

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

    @Test
    void knownFailuresGetTheirOwnSentence() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        var handler = VaadinSession.getCurrent().getErrorHandler();
        handler.error(new ErrorEvent(new RuntimeException("wrapped", new OutOfMemoryError("Java heap space"))));
        MockVaadin.clientRoundtrip(false);
        expectNotifications("服务器的内存暂时不够。你的内容已保留；请稍后再试，或者使用更小的网络或批大小。");

        useLocale(Locale.ENGLISH);
        handler.error(new ErrorEvent(new SpecLimitException(SpecLimitException.Limit.LAYERS, 300, 100)));
        handler.error(new ErrorEvent(new RejectedExecutionException("queue full")));
        MockVaadin.clientRoundtrip(false);
        expectNotifications("This network cannot be used: This network has 300 layers; the limit here is 100. Use fewer layers.",
                "The server is busy right now. Your work is kept; please try again in a few minutes.");
    }

    @Test
    void aRefusalIsShownInItsOwnWordsInTheUsersLanguage() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(
                new RuntimeException("wrapped", new JobNotFoundException(new JobId("abc")))));
        MockVaadin.clientRoundtrip(false);
        expectNotifications(UI.getCurrent().getTranslation("train.error.notFound"));
        assertNotEquals(UI.getCurrent().getTranslation("error.unexpected"), UI.getCurrent().getTranslation("train.error.notFound"));
    }

    @Test
    void anEngineErrorThatExplainsItselfIsShownInTheUsersLanguage() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        ModelFileException damaged = assertThrows(ModelFileException.class, () -> ModelFile.fromBytes(new byte[] {'N', 'N'}));
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new UncheckedIOException(damaged)));
        MockVaadin.clientRoundtrip(false);
        expectNotifications("模型文件不完整：只有 2 字节");
    }

    @Test
    void theSameRefusalRepeatedReplacesItsNotificationInsteadOfStackingCopies() {
        useLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("");
        var handler = VaadinSession.getCurrent().getErrorHandler();
        for (int i = 0; i < 5; i++) {
            handler.error(new ErrorEvent(new JobNotFoundException(new JobId("abc"))));
            MockVaadin.clientRoundtrip(false);
        }
        handler.error(new ErrorEvent(new RejectedExecutionException("queue full")));
        MockVaadin.clientRoundtrip(false);
        expectNotifications(UI.getCurrent().getTranslation("train.error.notFound"), UI.getCurrent().getTranslation("error.busy"));
    }
}
