package org.nnlab.digits;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal of the classify API: an RFC 9457 problem whose {@code detail} is the message for the caller,
 * which the {@code error} property repeats for clients of the older {@code {"error": message}} answer.
 */
final class ClassifyRefusal extends ErrorResponseException {
    ClassifyRefusal(HttpStatus status, String message) {
        this(status, message, 0);
    }

    /** {@code retryAfterSeconds}: when the same request may succeed, or 0 when retrying does not help. */
    ClassifyRefusal(HttpStatus status, String message, long retryAfterSeconds) {
        super(status, problem(status, message), null);
        if (retryAfterSeconds > 0) {
            getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        }
    }

    private static ProblemDetail problem(HttpStatus status, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("error", message);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
