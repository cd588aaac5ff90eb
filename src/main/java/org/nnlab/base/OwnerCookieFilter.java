package org.nnlab.base;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Gives every browser a long-lived owner id, so that its saved models, networks and drawings are still
 * there after the server session has ended. The id is a random UUID in the cookie {@value #COOKIE}
 * (HttpOnly, SameSite=Lax, Path=/, kept {@link #MAX_AGE}). A request without a valid one gets a fresh id
 * and its response sets the cookie. Either way the id is put into the request attribute
 * {@link #ATTRIBUTE}, so even the very first request (whose cookie the browser has not sent yet) knows
 * it. Only a UUID in canonical form (lower case, 36 characters) is accepted from a cookie. Scripts and
 * health checks ({@code /api/…}, {@code /actuator/…}) own nothing: they are given no cookie, though a
 * valid one they send is still read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class OwnerCookieFilter implements Filter {
    public static final String COOKIE = "nnlab-owner";
    public static final String ATTRIBUTE = OwnerCookieFilter.class.getName() + ".owner";
    public static final Duration MAX_AGE = Duration.ofDays(365);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            String owner = fromCookie(http).orElse(null);
            if (owner == null && ownsNothing(http)) {
                chain.doFilter(request, response);
                return;
            }
            if (owner == null) {
                owner = UUID.randomUUID().toString();
                answer.addHeader(HttpHeaders.SET_COOKIE, cookie(owner, http.isSecure()).toString());
            }
            http.setAttribute(ATTRIBUTE, owner);
        }
        chain.doFilter(request, response);
    }

    /** Requests that never need an owner: the JSON API and the actuator. */
    static boolean ownsNothing(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/actuator/") || path.equals("/actuator");
    }

    static ResponseCookie cookie(String owner, boolean secure) {
        return ResponseCookie.from(COOKIE, owner)
                .httpOnly(true)
                .sameSite("Lax")
                .path("/")
                .maxAge(MAX_AGE)
                .secure(secure)
                .build();
    }

    /**
     * The owner id of {@code request}: the one this filter stored in it, else a valid id from its cookie,
     * else empty (a request that did not pass the filter and has no cookie).
     */
    public static Optional<String> ownerOf(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String owner && isValid(owner)) {
            return Optional.of(owner);
        }
        return fromCookie(request);
    }

    private static Optional<String> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && isValid(c.getValue())) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code value} is a UUID written the way {@link UUID#toString()} writes one. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
