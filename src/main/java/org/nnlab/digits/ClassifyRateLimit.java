package org.nnlab.digits;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.nnlab.base.RateBuckets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The per-client rate limit of {@code POST /api/v1/classify}, taken before the body is read: past it a
 * client gets 429 with Retry-After. The buckets are shared by all nodes of a cluster, so a client meets one
 * limit however the load balancer spreads its requests.
 */
@Component
class ClassifyRateLimit implements HandlerInterceptor {
    private final RateBuckets buckets;
    private final int burst;
    private final double perSecond;

    ClassifyRateLimit(@Qualifier("classifyBucketStore") ProxyManager<String> classifyBucketStore,
                      @Value("${nnlab.classify.rate-limit.burst:30}") int burst,
                      @Value("${nnlab.classify.rate-limit.per-second:10}") double perSecond) {
        this.buckets = new RateBuckets(classifyBucketStore, burst, perSecond);
        this.burst = burst;
        this.perSecond = perSecond;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        long start = System.nanoTime();
        long wait = buckets.tryTake(request.getRemoteAddr());
        request.setAttribute(ClassifyRequestTiming.RATE_LIMIT_NANOS, System.nanoTime() - start);
        if (wait > 0) {
            long seconds = RateBuckets.seconds(wait);
            throw new ClassifyRefusal(HttpStatus.TOO_MANY_REQUESTS, "too many requests from "
                    + request.getRemoteAddr() + ": the limit is a burst of " + burst + " then " + perSecond
                    + " requests a second; retry in " + seconds + " s", seconds);
        }
        return true;
    }
}
