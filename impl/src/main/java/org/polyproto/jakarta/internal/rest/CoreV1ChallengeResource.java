package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.polyproto.jakarta.spi.RouteClass;

/** {@code GET .p2/core/v1/challenge}: the seed's challenge, {@code {"challenge": "…", "expires": <Unix seconds>}}. */
@Path(".p2/core/v1/challenge")
@ApplicationScoped
@PolyprotoEndpoint
public class CoreV1ChallengeResource {

    @Inject
    ChallengeResource seed;

    @GET
    @RateLimited(RouteClass.CHALLENGE)
    public Response challenge() {
        return seed.challenge();
    }
}
