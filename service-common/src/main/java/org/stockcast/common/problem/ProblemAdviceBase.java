package org.stockcast.common.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of each service's {@code @RestControllerAdvice}: Spring MVC's own errors (via the superclass) and
 * anything unexpected (a 500 that names no internals) in the {@link Problems} style, 503s with Retry-After.
 */
public abstract class ProblemAdviceBase extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdviceBase.class);

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled error", e);
        return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; the error has been logged."));
    }

    /** Every error Spring MVC renders itself (405, 406, 415, async timeout 503, ...) gets the same shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        if (body instanceof ProblemDetail problem) {
            merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            if (problem.getType() == null) {
                problem.setType(java.net.URI.create("about:blank"));
            }
        }
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value() && !merged.containsHeader(HttpHeaders.RETRY_AFTER)) {
            merged.set(HttpHeaders.RETRY_AFTER, Problems.retryAfterSeconds(Problems.DEFAULT_RETRY_AFTER));
        }
        return new ResponseEntity<>(body, merged, status);
    }
}
