package org.nnlab.digits;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Serves {@code POST /api/v1/classify} at a raised thread priority ({@code nnlab.classify.thread-priority},
 * default 8), restoring the servlet thread's own priority afterwards. A classification takes a few milliseconds
 * of a core, but on a loaded server its request waited 30-130 ms for one behind page updates and the collector
 * ({@link ClassifyRequestTiming} measured it); raised, it is served first. The JVM passes the priority to Linux
 * only with {@code -XX:ThreadPriorityPolicy=1} (as deployed: Java 8 is nice -3), and Linux lets it raise one only
 * with the permission to (root, or a nice limit: {@code ulimits: nice} in deploy/compose.yaml); without it the
 * request simply keeps the normal priority.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ClassifyPriority implements Filter {
    private final int priority;

    public ClassifyPriority(@Value("${nnlab.classify.thread-priority:8}") int priority) {
        if (priority < Thread.MIN_PRIORITY || priority > Thread.MAX_PRIORITY) {
            throw new IllegalArgumentException("nnlab.classify.thread-priority must be 1 to 10, got " + priority);
        }
        this.priority = priority;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Thread thread = Thread.currentThread();
        int own = thread.getPriority();
        if (own == priority || !(request instanceof HttpServletRequest http) || !ClassifyRequestTiming.classify(http)) {
            chain.doFilter(request, response);
            return;
        }
        thread.setPriority(priority);
        try {
            chain.doFilter(request, response);
        } finally {
            thread.setPriority(own);
        }
    }
}
