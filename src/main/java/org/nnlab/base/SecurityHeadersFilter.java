package org.nnlab.base;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the browser-side protections on every response, before anything else runs: a
 * Content-Security-Policy ({@code nnlab.http.content-security-policy}; empty leaves it out),
 * {@code X-Content-Type-Options: nosniff} and a Referrer-Policy ({@code nnlab.http.referrer-policy}).
 * The default policy allows what Vaadin's client needs (its inline bootstrap, {@code eval} of
 * server-sent JavaScript, inline styles, data: images for drawings) and nothing from other origins.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements Filter {
    public static final String DEFAULT_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    private final String contentSecurityPolicy;
    private final String referrerPolicy;

    public SecurityHeadersFilter(
            @Value("${nnlab.http.content-security-policy:" + DEFAULT_POLICY + "}") String contentSecurityPolicy,
            @Value("${nnlab.http.referrer-policy:strict-origin-when-cross-origin}") String referrerPolicy) {
        if (contentSecurityPolicy.contains("\n") || contentSecurityPolicy.contains("\r") || referrerPolicy.isBlank()) {
            throw new IllegalArgumentException("nnlab.http.content-security-policy must be one line and"
                    + " nnlab.http.referrer-policy must not be empty");
        }
        this.contentSecurityPolicy = contentSecurityPolicy.strip();
        this.referrerPolicy = referrerPolicy.strip();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            apply(http, contentSecurityPolicy, referrerPolicy);
        }
        chain.doFilter(request, response);
    }

    /** Sets the three headers on {@code response}; an empty policy is left out. */
    static void apply(HttpServletResponse response, String contentSecurityPolicy, String referrerPolicy) {
        if (!contentSecurityPolicy.isEmpty()) {
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", referrerPolicy);
    }
}
