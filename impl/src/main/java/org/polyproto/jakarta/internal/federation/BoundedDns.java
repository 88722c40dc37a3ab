package org.polyproto.jakarta.internal.federation;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Name resolution with a deadline. {@link InetAddress#getAllByName} cannot be interrupted, so it runs on a small
 * pool of daemon threads: the caller waits at most the deadline, at most a few threads are ever stuck in slow
 * lookups, and when they and the short queue are full further lookups fail at once instead of piling up. Each
 * application has its own pool, owned by its {@link FederationClient}, and stopped with it; idle threads end after
 * 30 s.
 */
final class BoundedDns {

    static final int THREADS = 4;
    static final int QUEUED = 16;

    private final ThreadPoolExecutor pool;

    BoundedDns(int threads, int queued) {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued), r -> {
            Thread t = new Thread(r, "polyproto-dns-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(null);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Stops the pool: lookups under way are abandoned, later ones fail. */
    void shutdown() {
        pool.shutdownNow();
    }

    /** All addresses of {@code host}; any failure, a timeout included, is an {@link IOException}. */
    InetAddress[] resolve(String host, Duration deadline) throws IOException {
        Future<InetAddress[]> lookup;
        try {
            lookup = pool.submit(() -> InetAddress.getAllByName(host));
        } catch (RejectedExecutionException e) {
            throw new IOException("too many name lookups are pending");
        }
        try {
            return lookup.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new SocketTimeoutException("the name lookup took longer than " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during the name lookup");
        }
    }
}
