package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.util.FileSystemUtils;
import org.stockcast.retrainservice.RetrainServiceApplication;
import org.stockcast.retrainservice.support.Http;
import org.stockcast.retrainservice.support.SseEvent;
import org.stockcast.retrainservice.support.SseReader;
import org.stockcast.retrainservice.support.SseSocket;
import reactor.core.scheduler.Scheduler;

/**
 * The real service (Tomcat, Spring MVC, Spring Security) serving {@code GET /retrain/jobs/{id}/events} of jobs this
 * test drives itself, parsed as a browser would: many clients at once, Last-Event-ID on a live job, and a client
 * that stops reading while the job goes on. Only the job registry is mocked, so no model is trained.
 */
@SpringBootTest(classes = RetrainServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "inventory.retrain.train-on-start=false")
@Timeout(120)
class EventStreamsHttpTest {
    private static final Path ROOT = tempRoot();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    Scheduler eventScheduler;

    @MockitoBean
    JobService jobs;

    private Http http;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("inventory.data-dir", () -> ROOT.resolve("data").toString());
        registry.add("inventory.model-dir", () -> ROOT.resolve("models").toString());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        FileSystemUtils.deleteRecursively(ROOT);
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("retrain-sse-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RetrainJob job(String id) {
        RetrainJob job = new RetrainJob(id, JobKind.UPLOAD, Instant.now(), eventScheduler);
        when(jobs.get(id)).thenReturn(job);
        return job;
    }

    private static void emit(RetrainJob job, int from, int to, String padding) {
        for (int i = from; i <= to; i++) {
            job.progress(ProgressEvent.message(job.id(), Stage.LSTM, "event " + i + padding));
        }
    }

    private static RetrainResult result(String jobId) {
        return new RetrainResult(jobId, JobStatus.SUCCESS, 2, 6, 5, 1, 100, null, Map.of(), Map.of());
    }

    private HttpResponse<InputStream> open(String jobId, String lastEventId) throws Exception {
        if (http == null) {
            http = new Http(port);
        }
        var request = http.get(RetrainJob.eventsPath(jobId));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.stream(request);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        return response;
    }

    private static void assertCompleteAndInOrder(List<SseEvent> events, long firstId, long lastId) {
        assertThat(events).extracting(SseEvent::id).containsExactlyElementsOf(
                LongStream.rangeClosed(firstId, lastId).mapToObj(Long::toString).toList());
        assertThat(events.subList(0, events.size() - 1)).extracting(SseEvent::event).containsOnly("progress");
        assertThat(events.get(events.size() - 1).event()).isEqualTo("result");
    }

    @Test
    void manyConcurrentClientsGetEveryEventInOrder() throws Exception {
        int clients = 100;
        int events = 300;
        RetrainJob job = job("many");
        emit(job, 1, 1, "");
        ExecutorService readers = Executors.newFixedThreadPool(clients);
        try {
            AtomicInteger connected = new AtomicInteger();
            List<CompletableFuture<List<SseEvent>>> received = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                received.add(CompletableFuture.supplyAsync(() -> {
                    try (SseReader reader = new SseReader(open("many", null).body())) {
                        List<SseEvent> seen = new ArrayList<>(List.of(reader.next()));
                        connected.incrementAndGet();
                        seen.addAll(reader.readAll());
                        return seen;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, readers));
            }
            await("all clients streaming").atMost(WAIT).until(() -> connected.get() == clients);
            // Live events from a job thread while every client is subscribed.
            emit(job, 2, events, "");
            job.succeed(result("many"), Instant.now());
            for (CompletableFuture<List<SseEvent>> client : received) {
                List<SseEvent> seen = client.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertCompleteAndInOrder(seen, 1, events + 1);
                assertThat(seen.get(events - 1).data()).contains("\"message\":\"event " + events + "\"");
            }
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void lastEventIdResumesALiveJobWithoutGapsOrRepeats() throws Exception {
        RetrainJob job = job("resume");
        emit(job, 1, 5, "");
        try (SseReader first = new SseReader(open("resume", null).body())) {
            assertThat(first.readUntil(e -> e.id().equals("3"))).extracting(SseEvent::id)
                    .containsExactly("1", "2", "3");
        }
        emit(job, 6, 8, "");
        try (SseReader reader = new SseReader(open("resume", "3").body())) {
            assertThat(reader.readUntil(e -> e.id().equals("8"))).extracting(SseEvent::id)
                    .containsExactly("4", "5", "6", "7", "8");
            emit(job, 9, 9, "");
            job.succeed(result("resume"), Instant.now());
            List<SseEvent> rest = reader.readAll();
            assertThat(rest).extracting(SseEvent::id).containsExactly("9", "10");
        }
    }

    @Test
    void aClientThatStopsReadingNeverDelaysTheJobAndLaterGetsEverything() throws Exception {
        int events = 3000;
        String padding = " " + "x".repeat(2000);
        RetrainJob job = job("slow");
        emit(job, 1, 1, "");
        // A tiny receive window: the server's writes to this client block once a few KB are unread.
        try (SseSocket slow = SseSocket.open(port, RetrainJob.eventsPath("slow"), 4096)) {
            // Its 200 and headers are in: the server has subscribed it before the job goes on.
            SseReader slowEvents = slow.events();
            try (SseReader fast = new SseReader(open("slow", null).body())) {
                assertThat(fast.next().id()).isEqualTo("1");
                // About 6 MB the slow client does not read; if any append waited for it, this would never return.
                emit(job, 2, events, padding);
                job.succeed(result("slow"), Instant.now());
                assertCompleteAndInOrder(concat(List.of(new SseEvent("1", "progress", "")), fast.readAll()), 1,
                        events + 1);
            }
            assertThat(job.finished()).isTrue();
            assertCompleteAndInOrder(slowEvents.readAll(), 1, events + 1);
        }
    }

    private static List<SseEvent> concat(List<SseEvent> head, List<SseEvent> tail) {
        List<SseEvent> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }
}
