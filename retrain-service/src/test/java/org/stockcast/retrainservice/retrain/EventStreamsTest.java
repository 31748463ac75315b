package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The streams on their own: the exact bytes Spring MVC writes for them, replay, heartbeat comments while the job
 * is quiet, completion after the final event.
 */
@Timeout(60)
class EventStreamsTest {
    private final Scheduler scheduler = Schedulers.newParallel("test-sse", 2, true);
    private final RetrainJob job = new RetrainJob("j1", JobKind.UPLOAD, Instant.now(), scheduler);
    private final EventStreams streams = streams("50ms", scheduler);

    private static EventStreams streams(String heartbeat, Scheduler scheduler) {
        return new EventStreams(TestProperties.tiny(Path.of("unused-data"), Path.of("unused-models"),
                Map.of("inventory.retrain.heartbeat", heartbeat)), scheduler);
    }

    @RestController
    static class StreamController {
        private final EventStreams streams;
        private final RetrainJob job;

        StreamController(EventStreams streams, RetrainJob job) {
            this.streams = streams;
            this.job = job;
        }

        @GetMapping("/stream")
        Flux<ServerSentEvent<Object>> stream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
            return streams.stream(job, lastEventId == null ? 0 : lastEventId);
        }
    }

    @AfterEach
    void stop() {
        scheduler.dispose();
    }

    @Test
    void sendsHeartbeatsWhileQuietThenTheFinalEventAndCompletes() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new StreamController(streams, job)).build();
        job.progress(ProgressEvent.message("j1", Stage.VALIDATE, "Reading uploaded CSV x.csv..."));
        MvcResult result = mvc.perform(get("/stream")).andExpect(request().asyncStarted()).andReturn();

        // Quiet job: heartbeats keep coming (waited for, however slow the machine).
        await("two heartbeats").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> result.getResponse().getContentAsString().split(":heartbeat\n", -1).length > 2);
        job.progress(ProgressEvent.message("j1", Stage.MERGE, "Merging datasets..."));
        job.fail("boom", Instant.now());
        String body = awaitContaining(result, "event:error");

        assertThat(body).startsWith("id:1\nevent:progress\ndata:{\"jobId\":\"j1\",\"stage\":\"validate\"");
        assertThat(body.split("\n")).filteredOn(line -> line.equals(":heartbeat")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(body).contains("id:2\nevent:progress\ndata:{\"jobId\":\"j1\",\"stage\":\"merge\"");
        assertThat(body).endsWith("id:3\nevent:error\ndata:{\"jobId\":\"j1\",\"status\":\"error\",\"message\":\"boom\"}\n\n");
    }

    @Test
    void replaysOnlyWhatFollowsLastEventIdOfAFinishedJob() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new StreamController(streams, job)).build();
        job.progress(ProgressEvent.message("j1", Stage.VALIDATE, "a"));
        job.progress(ProgressEvent.message("j1", Stage.MERGE, "b"));
        job.fail("boom", Instant.now());
        MvcResult result = mvc.perform(get("/stream").header("Last-Event-ID", "2")).andReturn();
        String body = awaitContaining(result, "event:error");
        assertThat(body).startsWith("id:3\nevent:error").doesNotContain("event:progress");
    }

    @Test
    void heartbeatsOnlyAfterAQuietIntervalAndNothingAfterTheFinalEvent() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        RetrainJob quiet = new RetrainJob("j2", JobKind.UPLOAD, Instant.now(), time);
        EventStreams tenSeconds = streams("10s", time);
        quiet.progress(ProgressEvent.message("j2", Stage.VALIDATE, "a"));

        StepVerifier.withVirtualTime(() -> tenSeconds.stream(quiet, 0).map(EventStreamsTest::describe), () -> time,
                        Long.MAX_VALUE)
                .expectNext("1 progress")
                .thenAwait(Duration.ofSeconds(9))
                .then(() -> quiet.progress(ProgressEvent.message("j2", Stage.MERGE, "b")))
                .expectNext("2 progress")
                // The event restarted the interval: 9 s later still nothing, at 10 s the first heartbeat.
                .expectNoEvent(Duration.ofSeconds(9))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("heartbeat")
                .thenAwait(Duration.ofSeconds(10))
                .expectNext("heartbeat")
                .then(() -> quiet.fail("boom", Instant.now()))
                .expectNext("3 error")
                .expectComplete()
                .verify(Duration.ofSeconds(20));
    }

    @Test
    void aClientThatLeavesIsForgottenAndTheJobCarriesOn() {
        job.progress(ProgressEvent.message("j1", Stage.VALIDATE, "a"));
        StepVerifier.create(streams.stream(job, 0).map(EventStreamsTest::describe))
                .expectNext("1 progress")
                .thenCancel()
                .verify(Duration.ofSeconds(20));
        job.progress(ProgressEvent.message("j1", Stage.MERGE, "b"));
        job.fail("boom", Instant.now());
        StepVerifier.create(streams.stream(job, 1).map(EventStreamsTest::describe))
                .expectNext("2 progress", "3 error")
                .expectComplete()
                .verify(Duration.ofSeconds(20));
    }

    private static String describe(ServerSentEvent<Object> sse) {
        return sse.comment() != null ? sse.comment() : sse.id() + " " + sse.event();
    }

    private static String awaitContaining(MvcResult result, String text) {
        return await("stream contains " + text).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> result.getResponse().getContentAsString(), body -> body.contains(text));
    }
}
