package org.nnlab.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The owner cookie: made when missing or invalid, kept when valid, always handed to the request. */
class OwnerCookieFilterTest {
    private final OwnerCookieFilter filter = new OwnerCookieFilter();

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertNotNull(chain.getRequest(), "the request goes on down the chain");
        return response;
    }

    @Test
    void aRequestWithoutTheCookieGetsANewIdInTheCookieAndInTheRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/draw");
        MockHttpServletResponse response = run(request);

        String header = response.getHeader("Set-Cookie");
        assertNotNull(header, "the response sets the cookie");
        String id = (String) request.getAttribute(OwnerCookieFilter.ATTRIBUTE);
        assertTrue(OwnerCookieFilter.isValid(id), id);
        assertTrue(header.startsWith("nnlab-owner=" + id + ";"), header);
        List<String> parts = List.of(header.split(";\\s*"));
        assertTrue(parts.contains("HttpOnly"), header);
        assertTrue(parts.contains("SameSite=Lax"), header);
        assertTrue(parts.contains("Path=/"), header);
        assertTrue(parts.contains("Max-Age=" + 365L * 24 * 3600), header);
        assertFalse(parts.contains("Secure"), "plain HTTP (localhost) must still get the cookie: " + header);
        assertEquals(id, OwnerCookieFilter.ownerOf(request).orElseThrow(), "the first request itself knows its owner");
    }

    @Test
    void aValidCookieIsKeptAndNotSetAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/train");
        request.setCookies(new Cookie("JSESSIONID", "abc"), new Cookie(OwnerCookieFilter.COOKIE, id));
        MockHttpServletResponse response = run(request);

        assertNull(response.getHeader("Set-Cookie"));
        assertEquals(id, request.getAttribute(OwnerCookieFilter.ATTRIBUTE));
        assertEquals(id, OwnerCookieFilter.ownerOf(request).orElseThrow());
    }

    @Test
    void anInvalidCookieIsReplacedByAFreshId() throws Exception {
        for (String bad : List.of("", "admin", "1-1-1-1-1", "../../etc/passwd", UUID.randomUUID().toString().toUpperCase(),
                UUID.randomUUID() + "x", "' OR 1=1 --")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
            request.setCookies(new Cookie(OwnerCookieFilter.COOKIE, bad));
            MockHttpServletResponse response = run(request);
            String id = (String) request.getAttribute(OwnerCookieFilter.ATTRIBUTE);
            assertTrue(OwnerCookieFilter.isValid(id), "for cookie '" + bad + "': " + id);
            assertNotEquals(bad, id);
            assertTrue(response.getHeader("Set-Cookie").startsWith("nnlab-owner=" + id + ";"), bad);
        }
    }

    @Test
    void eachNewBrowserGetsItsOwnIdAndHttpsMarksTheCookieSecure() throws Exception {
        MockHttpServletRequest first = new MockHttpServletRequest("GET", "/");
        MockHttpServletRequest second = new MockHttpServletRequest("GET", "/");
        second.setSecure(true);
        run(first);
        MockHttpServletResponse secure = run(second);
        assertNotEquals(first.getAttribute(OwnerCookieFilter.ATTRIBUTE), second.getAttribute(OwnerCookieFilter.ATTRIBUTE));
        assertTrue(List.of(secure.getHeader("Set-Cookie").split(";\\s*")).contains("Secure"), secure.getHeader("Set-Cookie"));
    }

    @Test
    void withoutTheFilterTheCookieIsStillRead() {
        String id = UUID.randomUUID().toString();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        assertTrue(OwnerCookieFilter.ownerOf(request).isEmpty());
        request.setCookies(new Cookie(OwnerCookieFilter.COOKIE, id));
        assertEquals(id, OwnerCookieFilter.ownerOf(request).orElseThrow());
    }

    @Test
    void apiAndActuatorRequestsGetNoCookieButAValidOneIsStillRead() throws Exception {
        for (String path : List.of("/api/v1/classify", "/api/v1/models", "/actuator/health", "/actuator")) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
            MockHttpServletResponse response = run(request);
            assertNull(response.getHeader("Set-Cookie"), path);
            assertTrue(OwnerCookieFilter.ownerOf(request).isEmpty(), path);
        }
        String id = UUID.randomUUID().toString();
        MockHttpServletRequest withCookie = new MockHttpServletRequest("GET", "/api/v1/models");
        withCookie.setCookies(new Cookie(OwnerCookieFilter.COOKIE, id));
        run(withCookie);
        assertEquals(id, OwnerCookieFilter.ownerOf(withCookie).orElseThrow());

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/apidocs");
        assertTrue(run(page).getHeader("Set-Cookie").startsWith("nnlab-owner="), "a page path that only starts alike");
    }
}
