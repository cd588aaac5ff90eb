package org.nnlab.base.ui;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Vaadin answers the first request for any address with its page (200) and shows {@link NotFoundView}
 * only after the page has loaded. Browsers, search engines and link checkers go by the status, so a
 * page request for an address no view answers gets 404 here, while the page itself (which then shows
 * the not-found view in the user's language) is sent as before.
 */
@Component
class UnknownPageStatusFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pagePath(request);
        String accept = request.getHeader("Accept");
        // pages are what browsers ask for; health checks and scripts (other Accept) keep their handlers' status
        return !"GET".equals(request.getMethod()) || accept == null || !accept.contains("text/html")
                || request.getParameter("v-r") != null
                || path.startsWith("VAADIN/") || path.startsWith("api/") || path.startsWith("actuator/")
                || path.equals("api") || path.equals("actuator") || lastSegment(path).contains(".");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(getServletContext()));
        if (routes.getNavigationTarget(pagePath(request)).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                if (status != SC_OK) {
                    super.setStatus(status);
                }
            }
        });
    }

    /** The address below the application's context, without leading or trailing slashes. */
    private static String pagePath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
