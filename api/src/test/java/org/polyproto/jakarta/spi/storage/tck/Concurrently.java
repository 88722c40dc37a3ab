package org.polyproto.jakarta.spi.storage.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Starts tasks at the same moment, one thread each, and collects what each returned or threw. */
final class Concurrently {

    static final int THREADS = 16;
    static final long TIMEOUT_SECONDS = 60;

    /** What one task returned, or the exception it threw. */
    record Outcome<T>(T value, RuntimeException failure) {

        boolean succeeded() {
            return failure == null;
        }

        /** The value; fails the test with the task's exception if it threw. */
        T get() {
            if (failure != null) {
                throw new AssertionError("a concurrent call failed: " + failure, failure);
            }
            return value;
        }
    }

    private Concurrently() {
    }

    /** Runs {@code task(0)} to {@code task(threads - 1)} on {@code threads} threads released together. */
    static <T> List<Outcome<T>> run(int threads, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.apply(index);
                }));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(outcome(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The values of tasks that must all succeed. */
    static <T> List<T> values(List<Outcome<T>> outcomes) {
        return outcomes.stream().map(Outcome::get).toList();
    }

    private static <T> Outcome<T> outcome(Future<T> future) {
        try {
            return new Outcome<>(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                return new Outcome<>(null, failure);
            }
            throw new AssertionError("a concurrent call failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a concurrent call did not end within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
