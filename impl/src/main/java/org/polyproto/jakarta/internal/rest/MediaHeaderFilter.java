package org.polyproto.jakarta.internal.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;

/**
 * Refuses, with the envelope, a request under the module's paths whose {@code Content-Type} or {@code Accept}
 * header names media types whose parameters the JAX-RS runtime fails on later (a {@code q} that is not a number
 * from 0 to 1): it would answer 400 with its own page, or 500 with the parser's message for a {@code Content-Type}.
 * Runs before matching, so it sees every request of the application, and leaves every other path alone. A header
 * the runtime cannot parse at all is refused by the runtime before any filter runs: {@link MediaHeaderGuard}, a
 * servlet filter, refuses those first; this filter is what is left when a host's {@code web.xml} is
 * {@code metadata-complete} and the guard is not installed.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class MediaHeaderFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (PolyprotoPaths.isModulePath(request.getUriInfo().getPath()) && !MediaHeaders.readable(
                request.getHeaderString(HttpHeaders.CONTENT_TYPE),
                request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of()))) {
            request.abortWith(new PolyprotoExceptionMapper().toResponse(MediaHeaderGuard.unreadable()));
        }
    }
}
