package org.stockcast.retrainservice.web;

import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.stockcast.common.problem.ProblemAdviceBase;
import org.stockcast.common.problem.Problems;
import org.stockcast.model.ingest.CsvRejectedException;
import org.stockcast.retrainservice.InventoryProperties;
import org.stockcast.retrainservice.retrain.JobNotFoundException;
import org.stockcast.retrainservice.retrain.RetrainBusyException;
import org.stockcast.retrainservice.retrain.RetrainJob;

/**
 * RFC 9457 problem+json for every error of the service, in the shared {@link Problems} style (snake_case
 * members, Retry-After on 503); Spring MVC's own errors and the catch-all come from {@link ProblemAdviceBase}.
 */
@RestControllerAdvice
class ProblemAdvice extends ProblemAdviceBase {
    /** docs/api.md names the running job of a 409 {@code jobId}; kept beside {@code job_id} for existing clients. */
    static final String CONTRACT_JOB_ID = "jobId";

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
        ProblemDetail problem = Problems.of(status, switch (e.reason()) {
            case TOO_LARGE -> "Upload too large";
            case NOT_CSV -> "Upload is not a CSV file";
            default -> "Upload rejected";
        }, e.getMessage());
        Problems.with(problem, "file", e.fileName());
        Problems.with(problem, "reason", e.reason().name().toLowerCase(Locale.ROOT));
        Problems.with(problem, "errors", e.problems());
        Problems.with(problem, "total_errors", e.totalProblems());
        return Problems.response(problem);
    }

    @ExceptionHandler(RetrainBusyException.class)
    ResponseEntity<ProblemDetail> busy(RetrainBusyException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "A retrain is already running", e.getMessage());
        Problems.with(problem, "job_id", e.runningJobId());
        problem.setProperty(CONTRACT_JOB_ID, e.runningJobId());
        Problems.with(problem, "events", RetrainJob.eventsPath(e.runningJobId()));
        return Problems.response(problem);
    }

    @ExceptionHandler(JobNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(JobNotFoundException e) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "Job not found", e.getMessage());
        Problems.with(problem, "job_id", e.jobId());
        return Problems.response(problem);
    }

    /** Multipart beyond spring.servlet.multipart limits: answered here, not by the container's error page. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(413), "Upload too large",
                "The upload exceeds the limit of " + maxUploadBytes + " bytes");
        Problems.with(problem, "reason", "too_large");
        return new ResponseEntity<>(Problems.response(problem).getBody(), Problems.response(problem).getHeaders(),
                HttpStatusCode.valueOf(413));
    }
}
