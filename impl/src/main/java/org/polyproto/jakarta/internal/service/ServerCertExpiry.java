package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.internal.log.ModuleLog;

/**
 * Nothing renews the server certificate by itself: issuing is refused (503) once it has expired, and a WARNING asks
 * for a rotation, at most once a day, during its last {@link #WARN_BEFORE}.
 */
@ApplicationScoped
public class ServerCertExpiry {

    static final Duration WARN_BEFORE = Duration.ofDays(30);
    static final Duration WARN_EVERY = Duration.ofDays(1);

    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

    /** Throws {@link ErrorCode#UNAVAILABLE} if {@code server}'s certificate has expired at {@code now}. */
    public void requireUnexpired(ServerKey server, Instant now) {
        warnIfExpiring(server, now);
        if (now.isAfter(server.notAfter())) {
            throw new PolyprotoException(ErrorCode.UNAVAILABLE, "The server's certificate has expired; an"
                    + " administrator must rotate the server key.");
        }
    }

    /** Logs a WARNING (at most once per {@link #WARN_EVERY}) if the certificate ends within {@link #WARN_BEFORE}. */
    public void warnIfExpiring(ServerKey server, Instant now) {
        Instant last = lastWarning.get();
        if (now.plus(WARN_BEFORE).isAfter(server.notAfter()) && !now.isBefore(last.plus(WARN_EVERY))
                && lastWarning.compareAndSet(last, now)) {
            ModuleLog.serverCertificateExpiring(server.serial(), now.isAfter(server.notAfter()), server.notAfter());
        }
    }
}
