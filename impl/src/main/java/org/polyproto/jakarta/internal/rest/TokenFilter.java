package org.polyproto.jakarta.internal.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.polyproto.jakarta.internal.service.Sessions;
import org.polyproto.jakarta.spi.storage.Session;

/**
 * Authenticates {@code Authorization: Bearer <token>} (a bare token too) on the module's {@link TokenRequired}
 * methods and puts the session into the request's security context. Host resources never see it.
 */
@TokenRequired
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    private final Sessions sessions;
    private final FailureAnswers failures;

    public TokenFilter(Sessions sessions, FailureAnswers failures) {
        this.sessions = sessions;
        this.failures = failures;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            Session session = sessions.authenticate(token(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
            boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
            request.setSecurityContext(SessionPrincipal.securityContext(session, secure));
        } catch (RuntimeException e) {
            failures.abort(request, e);
        }
    }

    static String token(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return value.substring(BEARER.length()).strip();
        }
        return value;
    }
}
