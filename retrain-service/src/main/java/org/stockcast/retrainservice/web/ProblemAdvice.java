package org.stockcast.retrainservice.web;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.stockcast.model.ingest.CsvRejectedException;
import org.stockcast.retrainservice.InventoryProperties;
import org.stockcast.retrainservice.retrain.JobNotFoundException;
import org.stockcast.retrainservice.retrain.RetrainBusyException;
import org.stockcast.retrainservice.retrain.RetrainJob;
import org.stockcast.retrainservice.retrain.TooManyStreamsException;

/** RFC 9457 problem+json for every error of the service (Spring MVC's own ones via the base class). */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final long maxUploadBytes;

    ProblemAdvice(InventoryProperties properties) {
        this.maxUploadBytes = properties.upload().maxBytes().toBytes();
    }

    @ExceptionHandler(CsvRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(CsvRejectedException e) {
        HttpStatusCode status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatusCode.valueOf(413);
            case NOT_CSV -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(switch (e.reason()) {
            case TOO_LARGE -> "Upload too large";
            case NOT_CSV -> "Upload is not a CSV file";
            default -> "Upload rejected";
        });
        problem.setProperty("file", e.fileName());
        problem.setProperty("reason", e.reason().name().toLowerCase(Locale.ROOT));
        problem.setProperty("errors", e.problems());
        problem.setProperty("totalErrors", e.totalProblems());
        return problem(problem);
    }

    @ExceptionHandler(RetrainBusyException.class)
    ResponseEntity<ProblemDetail> busy(RetrainBusyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("A retrain is already running");
        problem.setProperty("jobId", e.runningJobId());
        problem.setProperty("events", RetrainJob.eventsPath(e.runningJobId()));
        return problem(problem);
    }

    @ExceptionHandler(JobNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(JobNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Job not found");
        problem.setProperty("jobId", e.jobId());
        return problem(problem);
    }

    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Too many event streams");
        return problem(problem);
    }

    /** Multipart beyond spring.servlet.multipart limits: answered here, not by the container's error page. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(413),
                "The upload exceeds the limit of " + maxUploadBytes + " bytes");
        problem.setTitle("Upload too large");
        problem.setProperty("reason", "too_large");
        return ResponseEntity.status(413).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error; see the service log");
        problem.setTitle("Internal error");
        return problem(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
