package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The SSE pump on its own: replay, heartbeat comments while the job is quiet, completion after the final event. */
@Timeout(60)
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
    void slotsAreReservedUpToTheLimitAndGivenBackOnce() {
        List<EventStreams.Slot> taken = new ArrayList<>();
        int free = streams.available();
        for (int i = 0; i < free; i++) {
            taken.add(streams.reserve());
        }
        assertThatThrownBy(streams::reserve).isInstanceOf(TooManyStreamsException.class);
        taken.get(0).close();
        taken.get(0).close();
        assertThat(streams.available()).isEqualTo(1);
        EventStreams.Slot again = streams.reserve();
        assertThat(streams.available()).isZero();
        again.close();
        taken.forEach(EventStreams.Slot::close);
        assertThat(streams.available()).isEqualTo(free);
    }

    @Test
    void aFinishedStreamGivesItsSlotBack() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new StreamController(streams, job)).build();
        int free = streams.available();
        job.fail("boom", Instant.now());
        MvcResult result = mvc.perform(get("/stream")).andReturn();
        awaitContaining(result, "event:error");
        await("slot released").atMost(Duration.ofSeconds(20)).until(() -> streams.available() == free);
    }

    private static String awaitContaining(MvcResult result, String text) {
        return await("stream contains " + text).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> result.getResponse().getContentAsString(), body -> body.contains(text));
    }
}
