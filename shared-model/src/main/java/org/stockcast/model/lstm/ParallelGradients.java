package org.stockcast.model.lstm;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Minibatch gradients of a {@link JavaLstmTraining} computed by {@code config.trainingThreads()} threads: the
 * minibatch's windows are split into contiguous parts, each part runs in its own workspace (sharing the owner's
 * parameters read-only), and the parts' gradients are summed in part order into the owner, which then takes the
 * Adam step on the caller thread. Dropout masks are drawn on the caller thread, part by part, before dispatch, so
 * the result does not depend on scheduling: the same seed and thread count give bitwise the same run.
 * With one thread it is exactly the single-threaded step. Owns a small pool of daemon threads (the caller runs
 * part 0); one per training run, closed at its end.
 */
final class ParallelGradients implements AutoCloseable {
    private final JavaLstmTraining training;
    private final JavaLstmTraining[] workers;
    private final ExecutorService pool;
    private final Future<?>[] pending;
    private final double[] partLosses;
    private final Runnable[] parts;
    // The minibatch being computed: written by the caller before dispatch (submit/get order the accesses).
    private final int[] starts;
    private final boolean[] dropout;
    private float[] inputs;
    private float[] targets;
    private int count;

    ParallelGradients(JavaLstmTraining training, LstmConfig config) {
        this.training = training;
        int threads = Math.max(1, Math.min(config.trainingThreads(), config.batchSize()));
        int partSize = (config.batchSize() + threads - 1) / threads;
        workers = new JavaLstmTraining[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = training.sharingParameters(config, partSize);
        }
        pending = new Future<?>[threads];
        partLosses = new double[threads];
        starts = new int[threads + 1];
        dropout = new boolean[threads];
        parts = new Runnable[threads];
        for (int w = 0; w < threads; w++) {
            int part = w;
            parts[w] = () -> partLosses[part] = workers[part].partialLossAndGradients(inputs, targets, starts[part],
                    starts[part + 1] - starts[part], dropout[part], count);
        }
        if (threads == 1) {
            pool = null;
        } else {
            AtomicInteger created = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads - 1, task -> {
                Thread thread = new Thread(task, "lstm-training-" + created.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    int threads() {
        return workers.length;
    }

    /**
     * Fills the owner's gradients of the mean MSE over examples [from, from + count) and returns that loss;
     * dropout as in {@link JavaLstmTraining#lossAndGradients}.
     */
    double lossAndGradients(float[] inputs, float[] targets, int from, int count, SplittableRandom random) {
        if (pool == null) {
            return training.lossAndGradients(inputs, targets, from, count, random);
        }
        int used = Math.min(workers.length, count);
        this.inputs = inputs;
        this.targets = targets;
        this.count = count;
        starts[0] = from;
        for (int w = 0; w < used; w++) {
            starts[w + 1] = starts[w] + count / used + (w < count % used ? 1 : 0);
        }
        for (int w = 0; w < used; w++) {
            dropout[w] = workers[w].drawMasks(starts[w + 1] - starts[w], random);
        }
        for (int w = 1; w < used; w++) {
            pending[w] = pool.submit(parts[w]);
        }
        parts[0].run();
        double loss = partLosses[0];
        for (int w = 1; w < used; w++) {
            await(pending[w]);
            loss += partLosses[w];
        }
        training.sumGradients(workers, used);
        return loss;
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("LSTM training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("LSTM training thread failed", e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
