package org.nnlab.digits;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Times whole requests that carried a finished stroke: from the request's arrival at the servlet
 * container's filter chain until the answer (probabilities and bars) has been written, recorded as
 * {@link ClassifyLatencies.Kind#PAD_REQUEST}. The view marks such a request with {@link #mark}.
 */
@Component
public class StrokeTiming implements Filter {
    static final String ARRIVAL = StrokeTiming.class.getName() + ".arrival";
    static final String STROKE = StrokeTiming.class.getName() + ".stroke";

    private final ClassifyLatencies latencies;

    public StrokeTiming(ClassifyLatencies latencies) {
        this.latencies = latencies;
    }

    /** Marks the request being handled (by its attribute setter) as one that carried a stroke. */
    public static void mark(java.util.function.BiConsumer<String, Object> setAttribute) {
        setAttribute.accept(STROKE, Boolean.TRUE);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long arrival = System.nanoTime();
        request.setAttribute(ARRIVAL, arrival);
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(STROKE) != null) {
                latencies.recordNanos(ClassifyLatencies.Kind.PAD_REQUEST, System.nanoTime() - arrival);
            }
        }
    }
}
