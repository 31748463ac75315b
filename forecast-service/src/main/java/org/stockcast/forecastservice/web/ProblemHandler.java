package org.stockcast.forecastservice.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.stockcast.forecastservice.forecast.ModelNotLoadedException;
import org.stockcast.forecastservice.forecast.NoMatchingRowsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the service as RFC 9457 problem+json. 400s name the offending field (snake_case, as the client
 * wrote it) in {@code detail} and list them in {@code errors}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final String RETRY_AFTER_SECONDS = "2";

    record FieldError(String field, String message) {
    }

    @ExceptionHandler(ModelNotLoadedException.class)
    ResponseEntity<ProblemDetail> modelNotLoaded(ModelNotLoadedException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Model not loaded", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER,
                RETRY_AFTER_SECONDS).body(problem);
    }

    @ExceptionHandler(NoMatchingRowsException.class)
    ResponseEntity<ProblemDetail> noRows(NoMatchingRowsException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "No matching sales rows", e.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(snake(violation.getPropertyPath().toString()), violation.getMessage()));
        }
        return badRequest(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldError(e.getName(), "not a valid value: " + e.getValue())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error", "The request could not be completed; the error has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                errors.add(new FieldError(snake(error.getField()), error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return new ResponseEntity<>(badRequest(errors).getBody(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        FieldError error;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            error = new FieldError(unknown.getPropertyName(), "unknown field (fields are snake_case, e.g. "
                    + "product_id)");
        } else if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream().map(ref -> ref.getPropertyName() != null
                    ? ref.getPropertyName() : "[" + ref.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("");
            error = new FieldError(field, "wrong type or format: " + databind.getOriginalMessage());
        } else if (cause instanceof JacksonException jackson) {
            error = new FieldError("body", "not valid JSON: " + jackson.getOriginalMessage());
        } else {
            error = new FieldError("body", "a JSON object is required");
        }
        return new ResponseEntity<>(badRequest(List.of(error)).getBody(), HttpStatus.BAD_REQUEST);
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        String detail = sorted.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", sorted.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    /** Validation reports Java names (productId); clients wrote product_id. */
    static String snake(String javaName) {
        Matcher matcher = CAMEL.matcher(javaName);
        return matcher.replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
