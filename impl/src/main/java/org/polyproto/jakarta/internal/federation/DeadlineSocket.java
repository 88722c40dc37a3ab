package org.polyproto.jakarta.internal.federation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * A plain socket with one absolute deadline: before every read its timeout is set to the time left, and a read
 * after the deadline fails at once. TLS layered over it reads through {@link #getInputStream()}, so the handshake
 * is bounded by the same deadline as the answer.
 */
final class DeadlineSocket extends Socket {

    private final long deadlineNanos;
    private InputStream in;

    DeadlineSocket(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** Milliseconds left, at least 1 (0 would mean no timeout at all). */
    int remainingMillis() throws SocketTimeoutException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("the deadline has passed");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left)));
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    setSoTimeout(remainingMillis());
                    return super.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    setSoTimeout(remainingMillis());
                    return super.read(b, off, len);
                }
            };
        }
        return in;
    }
}
