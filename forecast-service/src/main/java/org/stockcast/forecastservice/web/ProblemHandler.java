package org.stockcast.forecastservice.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.stockcast.common.problem.ProblemAdviceBase;
import org.stockcast.common.problem.Problems;
import org.stockcast.forecastservice.forecast.FitCapacityException;
import org.stockcast.forecastservice.forecast.InvalidFieldException;
import org.stockcast.forecastservice.watch.ModelNotLoadedException;
import org.stockcast.forecastservice.forecast.NoMatchingRowsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the service as RFC 9457 problem+json. 400s name the offending field (snake_case, as the client
 * wrote it) in {@code detail} and list them in {@code errors}.
 */
@RestControllerAdvice
class ProblemHandler extends ProblemAdviceBase {

    record FieldError(String field, String message) {
    }

    @ExceptionHandler(ModelNotLoadedException.class)
    ResponseEntity<ProblemDetail> modelNotLoaded(ModelNotLoadedException e) {
        return Problems.response(problem(HttpStatus.SERVICE_UNAVAILABLE, "Model not loaded", e.getMessage()));
    }

    /** Every on-demand fit slot is busy: the client retries, cached forecasts keep their latency. */
    @ExceptionHandler(FitCapacityException.class)
    ResponseEntity<ProblemDetail> fitsSaturated(FitCapacityException e) {
        return Problems.response(problem(HttpStatus.SERVICE_UNAVAILABLE, "Forecast capacity exhausted",
                e.getMessage()), e.retryAfter());
    }

    @ExceptionHandler(NoMatchingRowsException.class)
    ResponseEntity<ProblemDetail> noRows(NoMatchingRowsException e) {
        return Problems.response(problem(HttpStatus.NOT_FOUND, "No matching sales rows", e.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(snake(violation.getPropertyPath().toString()), violation.getMessage()));
        }
        return badRequest(errors);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
        return badRequest(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldError(e.getName(), "not a valid value: " + e.getValue())));
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
        return new ResponseEntity<>(badRequest(errors).getBody(), problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
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
        return new ResponseEntity<>(badRequest(List.of(error)).getBody(), problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        String detail = sorted.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        Problems.with(problem, "errors", sorted.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return Problems.response(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        return Problems.of(status, title, detail);
    }

    /** Validation reports Java names (productId); clients wrote product_id. */
    static String snake(String javaName) {
        return Problems.snake(javaName);
    }
}
