package org.nnlab.digits;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.base.i18n.LocalizedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers every refusal of the classify API as {@code application/problem+json}, with its status and headers. */
@RestControllerAdvice(assignableTypes = ClassifyController.class)
class ClassifyProblems {
    @ExceptionHandler(ClassifyRefusal.class)
    ResponseEntity<ProblemDetail> refused(ClassifyRefusal refusal) {
        return ResponseEntity.status(refusal.getStatusCode()).headers(refusal.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(refusal.getBody());
    }

    /**
     * A refusal that carries its text key (the reader's JSON refusal, with the engine's explanation inside):
     * 400, said in the language the request's {@code Accept-Language} asks for, English when it asks none.
     */
    @ExceptionHandler(LocalizedException.class)
    ResponseEntity<ProblemDetail> localized(LocalizedException refusal, HttpServletRequest request) {
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH : request.getLocale();
        return refused(new ClassifyRefusal(HttpStatus.BAD_REQUEST, EngineMessages.localize(refusal, locale)));
    }

    /**
     * Spring's own refusal of a JSON body it could not hand to {@link PixelsRequestReader}: an empty one
     * (the reader refuses every other body itself), or one whose stream broke.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String message = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "the request body is empty" : "the request body could not be read: " + e.getMostSpecificCause().getMessage();
        return refused(new ClassifyRefusal(HttpStatus.BAD_REQUEST, message));
    }
}
