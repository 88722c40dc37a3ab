package org.polyproto.jakarta.internal.rest;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.UUID;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.storage.StorageConflictException;
import org.polyproto.jakarta.spi.storage.StorageUnavailableException;
import org.polyproto.jakarta.internal.log.ModuleLog;
import org.polyproto.jakarta.internal.service.ModuleMetrics;
import jakarta.inject.Inject;

/**
 * Around the module's resources only: turns anything unexpected into the contract's envelope, {@code UNAVAILABLE}
 * (503, Retry-After) when storage cannot serve, else {@code INTERNAL} with an incident id that is logged
 * with the cause. No stack, SQL or class name reaches the client.
 */
@PolyprotoEndpoint
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class FailureTranslation {

    static final long RETRY_AFTER_SECONDS = 5;

    @Inject
    ModuleMetrics metrics;

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception | LinkageError | StackOverflowError e) {
            throw translate(e, metrics);
        }
    }

    /**
     * What the client is told about any failure: a {@link PolyprotoException} anywhere in the chain as it is, a
     * database that cannot serve as {@code UNAVAILABLE} with Retry-After, anything else as {@code INTERNAL} with an
     * incident id that is logged with the cause. Resource methods get it through this interceptor, the module's
     * filters call it themselves. Every 503 is counted: {@code STORAGE}, or {@code BUSY} when a service answered it
     * (no password-hashing turn, a rotation under way).
     */
    static PolyprotoException translate(Throwable e, ModuleMetrics metrics) {
        PolyprotoException cause = findPolyproto(e);
        if (cause != null) {
            if (cause.status() == 503) {
                metrics.unavailable("BUSY");
            }
            return cause;
        }
        if (isTransient(e)) {
            metrics.unavailable("STORAGE");
            ModuleLog.storageUnavailable(e);
            return PolyprotoException.retryAfter(ErrorCode.UNAVAILABLE,
                    "The service is temporarily unavailable; retry later.", RETRY_AFTER_SECONDS, null);
        }
        String incident = UUID.randomUUID().toString();
        ModuleLog.incident(incident, e);
        return new PolyprotoException(ErrorCode.INTERNAL, "Internal error, incident " + incident + ".");
    }

    /** Ends a filtered request with the envelope of {@link #translate(Throwable)}. */
    static void abort(jakarta.ws.rs.container.ContainerRequestContext request, Throwable e, ModuleMetrics metrics) {
        request.abortWith(new PolyprotoExceptionMapper().toResponse(translate(e, metrics)));
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
