package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.polyproto.jakarta.api.representation.ChallengeRepresentation;
import org.polyproto.jakarta.internal.service.Challenges;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.RouteClass;

/** {@code GET p2core/challenge}. */
@Path("p2core/challenge")
@ApplicationScoped
@PolyprotoEndpoint
public class ChallengeResource {

    @Inject
    Challenges challenges;

    @GET
    @RateLimited(RouteClass.CHALLENGE)
    public Response challenge() {
        Challenge challenge = challenges.issue();
        return Responses.json(200, new ChallengeRepresentation(challenge.value(),
                challenge.expiresAt().getEpochSecond()));
    }
}
