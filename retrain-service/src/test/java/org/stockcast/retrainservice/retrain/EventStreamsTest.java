package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The SSE pump on its own: replay, heartbeat comments while the job is quiet, completion after the final event. */
class EventStreamsTest {
    private final RetrainJob job = new RetrainJob("j1", JobKind.UPLOAD, Instant.now());
    private final EventStreams streams = new EventStreams(TestProperties.tiny(Path.of("unused-data"),
            Path.of("unused-models"), Map.of("inventory.retrain.heartbeat", "50ms")));

    @RestController
    static class StreamController {
        private final EventStreams streams;
        private final RetrainJob job;

        StreamController(EventStreams streams, RetrainJob job) {
            this.streams = streams;
            this.job = job;
        }

        @GetMapping("/stream")
        SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
            return streams.stream(job, lastEventId == null ? 0 : lastEventId);
        }
    }

    @AfterEach
    void stop() {
        streams.destroy();
    }

    @Test
    void sendsHeartbeatsWhileQuietThenTheFinalEventAndCompletes() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new StreamController(streams, job)).build();
        job.progress(ProgressEvent.message("j1", Stage.VALIDATE, "Reading uploaded CSV x.csv..."));
        MvcResult result = mvc.perform(get("/stream")).andExpect(request().asyncStarted()).andReturn();

        Thread.sleep(400);
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

    private static String awaitContaining(MvcResult result, String text) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String body = result.getResponse().getContentAsString();
        while (!body.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            body = result.getResponse().getContentAsString();
        }
        return body;
    }
}
