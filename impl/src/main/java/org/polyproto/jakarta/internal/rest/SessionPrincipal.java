package org.polyproto.jakarta.internal.rest;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.polyproto.jakarta.spi.storage.Session;

/** The authenticated polyproto session of a request, as its JAX-RS security context. */
public record SessionPrincipal(Session session) implements Principal {

    @Override
    public String getName() {
        return session.fid().toString();
    }

    /** The session of a request that passed {@link TokenFilter}. */
    public static Session of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof SessionPrincipal principal) {
            return principal.session();
        }
        throw new IllegalStateException("TokenFilter did not run; is PolyprotoFeature registered?");
    }

    static SecurityContext securityContext(Session session, boolean secure) {
        SessionPrincipal principal = new SessionPrincipal(session);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }
}
