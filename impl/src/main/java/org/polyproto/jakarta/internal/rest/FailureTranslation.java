package org.polyproto.jakarta.internal.rest;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;

/**
 * Around the module's resources only: turns anything unexpected into the contract's envelope, {@code UNAVAILABLE}
 * (503, Retry-After) when the database cannot be reached, else {@code INTERNAL} with an incident id that is logged
 * with the cause. No stack, SQL or class name reaches the client.
 */
@PolyprotoEndpoint
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class FailureTranslation {

    private static final Logger LOG = Logger.getLogger(FailureTranslation.class.getName());
    static final long RETRY_AFTER_SECONDS = 5;
    /** SQLState classes of a database that cannot serve now: connection (08), resources (53), operator (57). */
    private static final java.util.Set<String> UNAVAILABLE_STATES = java.util.Set.of("08", "53", "57");

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception | LinkageError | StackOverflowError e) {
            throw translate(e);
        }
    }

    /**
     * What the client is told about any failure: a {@link PolyprotoException} anywhere in the chain as it is, a
     * database that cannot serve as {@code UNAVAILABLE} with Retry-After, anything else as {@code INTERNAL} with an
     * incident id that is logged with the cause. Resource methods get it through this interceptor, the module's
     * filters call it themselves.
     */
    static PolyprotoException translate(Throwable e) {
        PolyprotoException cause = findPolyproto(e);
        if (cause != null) {
            return cause;
        }
        if (isDatabaseUnavailable(e)) {
            LOG.log(Level.WARNING, "polyproto: database unavailable: " + e);
            return PolyprotoException.retryAfter(ErrorCode.UNAVAILABLE,
                    "The service is temporarily unavailable; retry later.", RETRY_AFTER_SECONDS, null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "polyproto: incident " + incident, e);
        return new PolyprotoException(ErrorCode.INTERNAL, "Internal error, incident " + incident + ".");
    }

    /** Ends a filtered request with the envelope of {@link #translate(Throwable)}. */
    static void abort(jakarta.ws.rs.container.ContainerRequestContext request, Throwable e) {
        request.abortWith(new PolyprotoExceptionMapper().toResponse(translate(e)));
    }

    private static PolyprotoException findPolyproto(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PolyprotoException p) {
                return p;
            }
        }
        return null;
    }

    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && UNAVAILABLE_STATES.contains(
                    sql.getSQLState().substring(0, Math.min(2, sql.getSQLState().length())))) {
                return true;
            }
            if (t.getClass().getName().endsWith("ResourceException")) {
                return true;
            }
        }
        return false;
    }
}
