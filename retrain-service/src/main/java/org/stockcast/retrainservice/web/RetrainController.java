package org.stockcast.retrainservice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.stockcast.retrainservice.retrain.EventStreams;
import org.stockcast.retrainservice.retrain.JobKind;
import org.stockcast.retrainservice.retrain.JobService;
import org.stockcast.retrainservice.retrain.JobView;
import org.stockcast.retrainservice.retrain.RetrainJob;
import org.stockcast.retrainservice.retrain.RetrainRequest;
import reactor.core.publisher.Flux;

/** docs/api.md "retrain-service": upload + stream, background jobs, job status and replayable event streams. */
@RestController
@RequestMapping("/retrain")
class RetrainController {
    static final int MAX_EPOCHS = 1000;

    private final JobService jobs;
    private final EventStreams streams;
    private final UploadReader uploads;

    RetrainController(JobService jobs, EventStreams streams, UploadReader uploads) {
        this.jobs = jobs;
        this.streams = streams;
        this.uploads = uploads;
    }

    @Operation(summary = "Upload a sales CSV and stream the retrain (SSE: progress events, then one result or error)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Flux<ServerSentEvent<Object>> retrain(@RequestPart("file") MultipartFile file,
            @Parameter(description = "Continue from the previous LSTM (false: fresh weights)")
            @RequestParam(defaultValue = "true") boolean fineTune,
            @Parameter(description = "Override the configured number of LSTM epochs")
            @RequestParam(required = false) @Min(1) @Max(MAX_EPOCHS) Integer epochs) throws IOException {
        // Everything that can fail (409, 400, 413, 415) fails here, before the 200 and its first event.
        return streams.stream(start(file, fineTune, epochs), 0);
    }

    @Operation(summary = "Upload a sales CSV and retrain in the background; follow the returned events URL")
    @PostMapping(path = "/jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JobCreated> startJob(@RequestPart("file") MultipartFile file,
                                        @RequestParam(defaultValue = "true") boolean fineTune,
                                        @RequestParam(required = false) @Min(1) @Max(MAX_EPOCHS) Integer epochs)
            throws IOException {
        RetrainJob job = start(file, fineTune, epochs);
        String events = RetrainJob.eventsPath(job.id());
        return ResponseEntity.accepted().location(URI.create("/retrain/jobs/" + job.id()))
                .body(new JobCreated(job.id(), events));
    }

    @Operation(summary = "Recent jobs, newest first")
    @GetMapping("/jobs")
    List<JobView> jobs() {
        return jobs.list();
    }

    @Operation(summary = "Status of one job")
    @GetMapping("/jobs/{jobId}")
    JobView job(@PathVariable String jobId) {
        return jobs.get(jobId).view();
    }

    @Operation(summary = "A job's event stream, replayed from the start or after Last-Event-ID")
    @GetMapping("/jobs/{jobId}/events")
    Flux<ServerSentEvent<Object>> events(@PathVariable String jobId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.stream(jobs.get(jobId), parseEventId(lastEventId));
    }

    private RetrainJob start(MultipartFile file, boolean fineTune, Integer epochs) throws IOException {
        jobs.checkIdle();
        UploadReader.Upload upload = uploads.read(file);
        OptionalInt epochOverride = epochs == null ? OptionalInt.empty() : OptionalInt.of(epochs);
        return jobs.start(JobKind.UPLOAD, RetrainRequest.upload(upload.table(), upload.fileName(), fineTune,
                epochOverride, upload.took()));
    }

    /** An absent or unreadable Last-Event-ID replays everything, as a fresh EventSource would expect. */
    static long parseEventId(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
