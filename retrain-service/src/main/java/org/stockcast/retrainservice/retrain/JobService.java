package org.stockcast.retrainservice.retrain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.stockcast.model.lstm.EpochProgress;
import org.stockcast.retrainservice.InventoryProperties;
import reactor.core.scheduler.Scheduler;

/**
 * Runs retrain jobs one at a time on their own thread and keeps the recent ones (status + event log).
 * The job thread never writes to a client: it appends to the job's log, which publishes on {@code eventScheduler}.
 */
@Service
public class JobService implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final RetrainPipeline pipeline;
    private final RetrainMetrics metrics;
    private final int jobsKept;
    private final Clock clock;
    private final Scheduler eventScheduler;
    private final ExecutorService executor;
    private final AtomicReference<RetrainJob> running = new AtomicReference<>();
    private final Map<String, RetrainJob> jobs = new LinkedHashMap<>();

    JobService(RetrainPipeline pipeline, RetrainMetrics metrics, InventoryProperties properties,
               Scheduler eventScheduler) {
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.jobsKept = Math.max(1, properties.retrain().jobsKept());
        this.clock = Clock.systemUTC();
        this.eventScheduler = eventScheduler;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "retrain-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Fails fast with 409 before the caller spends time reading a large upload. */
    public void checkIdle() {
        RetrainJob current = running.get();
        if (current != null) {
            throw new RetrainBusyException(current.id());
        }
    }

    /** Starts a job, or throws {@link RetrainBusyException} naming the one that is running. */
    public RetrainJob start(JobKind kind, RetrainRequest request) {
        RetrainJob job = new RetrainJob(UUID.randomUUID().toString(), kind, clock.instant(), eventScheduler);
        while (!running.compareAndSet(null, job)) {
            RetrainJob current = running.get();
            if (current != null) {
                throw new RetrainBusyException(current.id());
            }
        }
        remember(job);
        announce(job, request);
        executor.execute(() -> execute(job, request));
        return job;
    }

    public Optional<RetrainJob> find(String jobId) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(jobId));
        }
    }

    public RetrainJob get(String jobId) {
        return find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    }

    /** Kept jobs, newest first. */
    public List<JobView> list() {
        List<RetrainJob> snapshot;
        synchronized (jobs) {
            snapshot = new ArrayList<>(jobs.values());
        }
        List<JobView> views = new ArrayList<>();
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            views.add(snapshot.get(i).view());
        }
        return views;
    }

    public Optional<RetrainJob> running() {
        return Optional.ofNullable(running.get());
    }

    private void remember(RetrainJob job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
            Iterator<RetrainJob> oldest = jobs.values().iterator();
            while (jobs.size() > jobsKept && oldest.hasNext()) {
                if (oldest.next().finished()) {
                    oldest.remove();
                }
            }
        }
    }

    private static void announce(RetrainJob job, RetrainRequest request) {
        if (request.upload().isPresent()) {
            job.progress(ProgressEvent.message(job.id(), Stage.VALIDATE,
                    "Reading uploaded CSV " + request.fileName() + "..."));
            job.progress(ProgressEvent.message(job.id(), Stage.VALIDATE, String.format(Locale.ROOT,
                    "Validated %d rows (%d products) in %s", request.upload().get().size(),
                    request.upload().get().productIds().size(), request.fileName())));
        } else {
            job.progress(ProgressEvent.message(job.id(), Stage.VALIDATE,
                    "No model version yet: training the first one from the master dataset"));
        }
    }

    private void execute(RetrainJob job, RetrainRequest request) {
        Instant started = clock.instant();
        RetrainResult result = null;
        Throwable failure = null;
        try {
            result = pipeline.run(job.id(), request, progressOf(job));
        } catch (Throwable e) {
            // Any failure, even a native-library error, must still end the stream with one error event.
            failure = e;
        } finally {
            // Free the slot before the final event so a client that reacts to it can start the next job at once.
            running.compareAndSet(job, null);
        }
        Duration took = Duration.between(started, clock.instant());
        if (result != null) {
            log.info("Retrain job {} published model version {} in {} s", job.id(), result.modelVersion(),
                    took.toMillis() / 1000.0);
            metrics.jobFinished(JobStatus.SUCCESS, took, result.rowsUploaded());
            job.succeed(result, clock.instant());
        } else {
            Stage stage = job.view().stage();
            log.error("Retrain job {} failed during {}", job.id(), stage.wireName(), failure);
            metrics.jobFinished(JobStatus.ERROR, took, 0);
            job.fail("Retrain failed during " + stage.wireName() + ": " + describe(failure), clock.instant());
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private RetrainProgress progressOf(RetrainJob job) {
        return new RetrainProgress() {
            @Override
            public void stage(Stage stage, String message) {
                job.progress(ProgressEvent.message(job.id(), stage, message));
            }

            @Override
            public void epoch(EpochProgress p) {
                metrics.epoch(p);
                String text = String.format(Locale.ROOT, "LSTM epoch %d/%d - loss=%.4f", p.epoch(), p.epochs(),
                        p.loss());
                if (Double.isFinite(p.valLoss())) {
                    text += String.format(Locale.ROOT, ", val_loss=%.4f", p.valLoss());
                }
                job.progress(new ProgressEvent(job.id(), Stage.LSTM, text, p.epoch(), p.epochs(),
                        EvaluateStage.finiteOrNull(p.loss()), EvaluateStage.finiteOrNull(p.valLoss())));
            }
        };
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
