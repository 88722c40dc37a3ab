package org.polyproto.jakarta.internal.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;

/**
 * Refuses, with the envelope, a request under the module's paths whose {@code Content-Type} or {@code Accept}
 * header names media types whose parameters the JAX-RS runtime fails on later (a {@code q} that is not a number
 * from 0 to 1): it would answer 400 with its own page, or 500 with the parser's message for a {@code Content-Type}.
 * Runs before matching, so it sees every request of the application, and leaves every other path alone. A header
 * the runtime cannot parse at all is refused by the runtime (400) before any filter runs.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class MediaHeaderFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!PolyprotoPaths.isModulePath(request.getUriInfo().getPath())) {
            return;
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        List<String> accept = request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of());
        if ((contentType != null && !contentType.isBlank() && !parses(contentType))
                || !accept.stream().flatMap(a -> List.of(a.split(",")).stream()).map(String::trim)
                .filter(a -> !a.isEmpty()).allMatch(MediaHeaderFilter::parses)) {
            request.abortWith(new PolyprotoExceptionMapper().toResponse(new PolyprotoException(
                    ErrorCode.BAD_REQUEST, "The Content-Type or Accept header could not be read.")));
        }
    }

    /** A media type, and its {@code q} parameter, if any, a number from 0 to 1. */
    private static boolean parses(String value) {
        try {
            MediaType type = MediaType.valueOf(value.trim());
            String q = type.getParameters().get("q");
            if (q != null) {
                double quality = Double.parseDouble(q);
                return quality >= 0 && quality <= 1;
            }
            return true;
        } catch (IllegalArgumentException e) { // NumberFormatException is one
            return false;
        }
    }
}
