package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

@Timeout(60)
class RetrainJobTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static RetrainResult result(String jobId) {
        return new RetrainResult(jobId, JobStatus.SUCCESS, 3, 6, 5, 1, 100, null, Map.of(), Map.of());
    }

    private static RetrainJob job() {
        return new RetrainJob("j", JobKind.UPLOAD, T0, Schedulers.immediate());
    }

    @Test
    void eventsGetConsecutiveIdsAndCanBeReadFromAnyPosition() {
        RetrainJob job = job();
        job.progress(ProgressEvent.message("j", Stage.VALIDATE, "a"));
        job.progress(ProgressEvent.message("j", Stage.MERGE, "b"));
        job.succeed(result("j"), T0.plusSeconds(5));

        StepVerifier.create(job.events(0).map(JobEvent::id)).expectNext(1L, 2L, 3L).expectComplete().verify(WAIT);
        StepVerifier.create(job.events(2).map(JobEvent::type)).expectNext(EventType.RESULT).expectComplete()
                .verify(WAIT);
        StepVerifier.create(job.events(3)).expectComplete().verify(WAIT);
        StepVerifier.create(job.events(99)).expectComplete().verify(WAIT);
        assertThat(job.view().status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(job.view().stage()).isEqualTo(Stage.MERGE);
        assertThat(job.view().eventCount()).isEqualTo(3);
        assertThat(job.view().finishedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aJobEndsExactlyOnce() {
        RetrainJob job = job();
        job.fail("boom", T0);
        assertThatThrownBy(() -> job.succeed(result("j"), T0)).isInstanceOf(IllegalStateException.class);
        StepVerifier.create(job.events(0).map(event -> ((RetrainError) event.data()).message()))
                .expectNext("boom").expectComplete().verify(WAIT);
    }

    @Test
    void aSubscriberSeesTheReplayThenLiveEventsAndTheEnd() {
        RetrainJob job = job();
        job.progress(ProgressEvent.message("j", Stage.VALIDATE, "a"));
        StepVerifier.create(job.events(0).map(JobEvent::id))
                .expectNext(1L)
                .expectNoEvent(Duration.ofMillis(50))
                .then(() -> job.progress(ProgressEvent.message("j", Stage.MERGE, "b")))
                .expectNext(2L)
                .then(() -> job.succeed(result("j"), T0))
                .expectNext(3L)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void theJobThreadOnlyHandsEventsToThePublisher() {
        // A publisher that has not run yet: the job has appended, no subscriber has seen anything.
        Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
        RetrainJob job = new RetrainJob("j", JobKind.UPLOAD, T0, Schedulers.fromExecutor(pending::add));
        List<Long> seen = new CopyOnWriteArrayList<>();
        job.events(0).subscribe(event -> seen.add(event.id()));
        job.progress(ProgressEvent.message("j", Stage.VALIDATE, "a"));
        job.progress(ProgressEvent.message("j", Stage.MERGE, "b"));
        assertThat(job.view().eventCount()).isEqualTo(2);
        assertThat(seen).isEmpty();
        pending.forEach(Runnable::run);
        assertThat(seen).containsExactly(1L, 2L);
    }
}
