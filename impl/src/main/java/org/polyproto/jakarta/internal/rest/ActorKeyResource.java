package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.polyproto.jakarta.internal.service.ActorCerts;

/** {@code GET p2core/key/actor/{fid}}: an actor's ID-Certs, PEM. */
@Path("p2core/key/actor")
@ApplicationScoped
@PolyprotoEndpoint
public class ActorKeyResource {

    @Inject
    ActorCerts actorCerts;

    @GET
    @Path("{fid}")
    public Response certificates(@PathParam("fid") String fid, @QueryParam("timestamp") String timestamp,
                                 @QueryParam("session_id") String sessionId, byte[] body) {
        JsonBody json = JsonBody.parse(body);
        Optional<Instant> at = timestamp != null ? Optional.of(JsonBody.parseUnixTime(timestamp, "timestamp"))
                : json.unixTime("timestamp");
        Optional<String> session = sessionId != null ? Optional.of(sessionId) : json.string("session_id");
        return Responses.jsonStrings(actorCerts.certificates(fid, at, session));
    }
}
