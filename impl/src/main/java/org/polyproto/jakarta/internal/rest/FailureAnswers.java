package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.log.ModuleLog;
import org.polyproto.jakarta.internal.service.ModuleMetrics;
import org.polyproto.jakarta.internal.service.StorageOutage;
import org.polyproto.jakarta.spi.storage.StorageConflictException;
import org.polyproto.jakarta.spi.storage.StorageUnavailableException;

/**
 * What the client is told about any failure: a {@link PolyprotoException} anywhere in the chain as it is; a
 * database that cannot serve as {@code UNAVAILABLE} with Retry-After; anything else as {@code INTERNAL} with an
 * incident id that is logged with the cause, unless the storage confirms an outage ({@link StorageOutage}): then it
 * is {@code UNAVAILABLE} too, logged with its cause so that it can be recognised next time. No stack, SQL or class
 * name reaches the client. Every 503 is counted: {@code STORAGE}, or {@code BUSY} when a service answered it (no
 * password-hashing turn, a rotation under way). Resource methods get it through {@link FailureTranslation}, the
 * module's filters call it themselves.
 */
@ApplicationScoped
public class FailureAnswers {

    static final long RETRY_AFTER_SECONDS = 5;

    @Inject
    ModuleMetrics metrics;
    @Inject
    StorageOutage outage;

    FailureAnswers() {
    }

    FailureAnswers(ModuleMetrics metrics, StorageOutage outage) {
        this.metrics = metrics;
        this.outage = outage;
    }

    PolyprotoException answer(Throwable e) {
        PolyprotoException cause = findPolyproto(e);
        if (cause != null) {
            if (cause.status() == 503) {
                metrics.unavailable("BUSY");
            }
            return cause;
        }
        if (isTransient(e)) {
            ModuleLog.storageUnavailable(e);
            return unavailable();
        }
        if (outage.confirmed()) {
            ModuleLog.unrecognisedDuringOutage(e);
            return unavailable();
        }
        String incident = UUID.randomUUID().toString();
        ModuleLog.incident(incident, e);
        return new PolyprotoException(ErrorCode.INTERNAL, "Internal error, incident " + incident + ".");
    }

    /** Ends a filtered request with the envelope of {@link #answer(Throwable)}. */
    void abort(ContainerRequestContext request, Throwable e) {
        request.abortWith(new PolyprotoExceptionMapper().toResponse(answer(e)));
    }

    private PolyprotoException unavailable() {
        metrics.unavailable("STORAGE");
        return PolyprotoException.retryAfter(ErrorCode.UNAVAILABLE,
                "The service is temporarily unavailable; retry later.", RETRY_AFTER_SECONDS, null);
    }

    private static PolyprotoException findPolyproto(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PolyprotoException p) {
                return p;
            }
        }
        return null;
    }

    /**
     * A store that cannot serve ({@link StorageUnavailableException}), a conflict that is still there after the
     * retries ({@link StorageConflictException}), or a commit that failed: the client may retry later.
     */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageUnavailableException || t instanceof StorageConflictException
                    || t instanceof jakarta.transaction.RollbackException
                    || t instanceof jakarta.transaction.HeuristicMixedException
                    || t instanceof jakarta.transaction.HeuristicRollbackException
                    || t instanceof jakarta.transaction.SystemException) {
                return true;
            }
        }
        return false;
    }
}
