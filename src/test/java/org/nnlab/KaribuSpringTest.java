package org.nnlab;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base for browserless view tests: the real Spring context (services, database on H2 in memory) with
 * Vaadin mocked by Karibu-Testing, so a test navigates and clicks on the server-side components.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class KaribuSpringTest {
    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.nnlab");
    }

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        useLocale(Locale.ENGLISH);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    /**
     * Ends the current browser session and opens a new one, as when the server session has expired or
     * the server restarted: nothing kept in the old session is left. Cookies are not carried over.
     */
    protected void newSession() {
        MockVaadin.tearDown();
        setUpVaadin();
    }

    /** Makes the current (mock) request carry the cookie {@code name=value}, as a returning browser's would. */
    protected static void sendCookie(String name, String value) {
        ServletRequest request = (VaadinServletRequest) VaadinRequest.getCurrent();
        while (request instanceof ServletRequestWrapper wrapper) {
            request = wrapper.getRequest();
        }
        ((FakeRequest) request).addCookie(new Cookie(name, value));
    }

    protected static void useLocale(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }

    /**
     * Waits up to 30 s for something a push brings (another thread's event reaching this session), running the
     * session's pending UI work every 20 ms the way a browser round trip would.
     */
    protected static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, what, Duration.ofSeconds(30));
    }

    /** As {@link #await(BooleanSupplier, String)}, waiting up to {@code within} (e.g. for a whole training run). */
    protected static void await(BooleanSupplier condition, String what, Duration within) throws InterruptedException {
        long deadline = System.currentTimeMillis() + within.toMillis();
        while (System.currentTimeMillis() < deadline) {
            MockVaadin.clientRoundtrip(false);
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
