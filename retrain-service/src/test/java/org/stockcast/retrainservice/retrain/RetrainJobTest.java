package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RetrainJobTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static RetrainResult result(String jobId) {
        return new RetrainResult(jobId, JobStatus.SUCCESS, 3, 6, 5, 1, 100, null, Map.of(), Map.of());
    }

    @Test
    void eventsGetConsecutiveIdsAndCanBeReadFromAnyPosition() {
        RetrainJob job = new RetrainJob("j", JobKind.UPLOAD, T0);
        job.progress(ProgressEvent.message("j", Stage.VALIDATE, "a"));
        job.progress(ProgressEvent.message("j", Stage.MERGE, "b"));
        job.succeed(result("j"), T0.plusSeconds(5));

        assertThat(job.eventsAfter(0)).extracting(JobEvent::id).containsExactly(1L, 2L, 3L);
        assertThat(job.eventsAfter(2)).extracting(JobEvent::type).containsExactly(EventType.RESULT);
        assertThat(job.eventsAfter(3)).isEmpty();
        assertThat(job.eventsAfter(99)).isEmpty();
        assertThat(job.view().status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(job.view().stage()).isEqualTo(Stage.MERGE);
        assertThat(job.view().finishedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aJobEndsExactlyOnce() {
        RetrainJob job = new RetrainJob("j", JobKind.UPLOAD, T0);
        job.fail("boom", T0);
        assertThatThrownBy(() -> job.succeed(result("j"), T0)).isInstanceOf(IllegalStateException.class);
        assertThat(job.eventsAfter(0)).hasSize(1);
        assertThat(((RetrainError) job.eventsAfter(0).get(0).data()).message()).isEqualTo("boom");
    }

    @Test
    void awaitingWakesUpOnANewEventAndTimesOutWhenNothingHappens() throws Exception {
        RetrainJob job = new RetrainJob("j", JobKind.UPLOAD, T0);
        assertThat(job.awaitEventsAfter(0, Duration.ofMillis(50))).isEmpty();

        CompletableFuture<List<JobEvent>> waiting = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                waiting.complete(job.awaitEventsAfter(0, Duration.ofSeconds(30)));
            } catch (InterruptedException e) {
                waiting.completeExceptionally(e);
            }
        }, "waiter");
        waiter.start();
        // Really parked in the timed wait (not merely not started yet) before the event arrives.
        await("waiter parked").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                .until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
        assertThat(waiting).isNotDone();
        job.progress(ProgressEvent.message("j", Stage.VALIDATE, "a"));
        assertThat(waiting.get(20, TimeUnit.SECONDS)).hasSize(1);

        job.succeed(result("j"), T0);
        assertThat(job.awaitEventsAfter(2, Duration.ofSeconds(30))).isEmpty();
        assertThat(job.finished()).isTrue();
    }
}
