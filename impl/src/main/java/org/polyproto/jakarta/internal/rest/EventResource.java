package org.polyproto.jakarta.internal.rest;

import jakarta.json.spi.JsonProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.polyproto.jakarta.api.representation.EventRepresentation;
import org.polyproto.jakarta.internal.service.Events;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.QueuedEvent;

/** {@code GET p2core/events}: the token's client's queued events, removed as they are returned. */
@Path("p2core/events")
@ApplicationScoped
@PolyprotoEndpoint
@TokenRequired
public class EventResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Events events;

    /** {@code HEAD} would run the consuming {@code GET} and throw its answer away: only {@code GET} consumes. */
    @jakarta.ws.rs.HEAD
    public Response head() {
        return Responses.notConsumingOnHead();
    }

    @GET
    public Response drain(@Context SecurityContext security) {
        List<QueuedEvent> queued = events.drain(ClientId.of(SessionPrincipal.of(security)));
        if (queued.isEmpty()) {
            return Response.noContent().build();
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (QueuedEvent q : queued) {
            array.add(new EventRepresentation(q.event().namespace(), q.event().op(), q.event().type(),
                    q.event().data(), q.sequence()).toJson());
        }
        return Responses.json(200, array.build());
    }
}
