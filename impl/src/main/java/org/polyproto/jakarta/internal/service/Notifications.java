package org.polyproto.jakarta.internal.service;

import jakarta.json.spi.JsonProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import org.polyproto.jakarta.api.representation.CacheableIdCertRepresentation;
import java.time.Instant;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Event;
import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.SessionStore;

/** Queues the events of contract §6 for exactly the clients the contract names. */
@ApplicationScoped
@Transactional
public class Notifications {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    EventQueue queue;
    @Inject
    SessionStore sessions;
    @Inject
    PolyprotoConfig config;
    @Inject
    PolyprotoClock clock;
    @Inject
    ModuleMetrics metrics;

    /** NEW_SESSION to the actor's other sessions here. */
    public void newSession(ClientId opened, String certPem) {
        toOtherClients(opened, new Event("core", 3, "NEW_SESSION", JSON.createObjectBuilder()
                .add("cert", certPem).build()));
    }

    /** CLIENT_KEY_CHANGE to the actor's other sessions here. */
    public void clientKeyChange(ClientId changed, BigInteger oldSerial, Instant invalidSince, String newCertPem) {
        toOtherClients(changed, new Event("core", 4, "CLIENT_KEY_CHANGE", JSON.createObjectBuilder()
                .add("serial", oldSerial.toString()).add("invalidSince", invalidSince.getEpochSecond())
                .add("cert", newCertPem).build()));
    }

    /**
     * ACTOR_CERTIFICATE_INVALIDATION to the actor's other sessions here: the invalidated certificate as the v1
     * profile hands it out ({@code idCertPem}, {@code invalidatedAt}, the cache window and its signature).
     */
    public void actorCertificateInvalidation(ClientId source, CacheableIdCertRepresentation invalidated) {
        toOtherClients(source, new Event("core", 7, "ACTOR_CERTIFICATE_INVALIDATION", invalidated.toJson()));
    }

    /**
     * SERVER_KEY_CHANGE to every open session of this server's actors: stored once when the queue can broadcast,
     * else enqueued for each session.
     */
    public void serverKeyChange(String newCertPem, Instant oldInvalidSince) {
        Event event = new Event("core", 6, "SERVER_KEY_CHANGE", JSON.createObjectBuilder()
                .add("cert", newCertPem).add("oldInvalidSince", oldInvalidSince.getEpochSecond()).build());
        Instant now = clock.now();
        if (queue.broadcast(config.server().domain(), event, now)) {
            metrics.eventsQueued(1);
            return;
        }
        sessions.findByDomain(config.server().domain()).stream().filter(s -> now.isBefore(s.expiresAt()))
                .map(ClientId::of).distinct().forEach(client -> enqueue(client, event));
    }

    /** LOW_KEY_PACKAGES to the client whose regular packages fell below the threshold. */
    public void lowKeyPackages(ClientId client, int remaining) {
        enqueue(client, new Event("mls", 0, "LOW_KEY_PACKAGES", JSON.createObjectBuilder()
                .add("remaining", remaining).build()));
    }

    private void toOtherClients(ClientId source, Event event) {
        for (ClientId client : sessions.clientsOf(source.fid(), clock.now())) {
            if (!client.equals(source)) {
                enqueue(client, event);
            }
        }
    }

    private void enqueue(ClientId client, Event event) {
        queue.enqueue(client, event, config.sessions().eventsMaxQueued());
        metrics.eventsQueued(1);
    }
}
