package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.storage.DiscoverableService;
import org.polyproto.jakarta.spi.storage.ServiceStore;
import org.polyproto.jakarta.spi.storage.SessionStore;

/**
 * The services this server's actors list for discovery ({@code .p2/core/v1/services}): one primary per service name
 * (the first entry of a name is primary; a new primary demotes the old one; deleting the primary promotes the next
 * of its name), at most {@code polyproto.services.max-per-actor} entries. Each change is one transaction under the
 * actor's lock; answers list the entries it changed.
 */
@ApplicationScoped
public class DiscoverableServices {

    /** What a delete took away, and the entry of the same name it made primary, if any. */
    public record Deleted(DiscoverableService deleted, Optional<DiscoverableService> newPrimary) {
    }

    @Inject
    ServiceStore store;
    @Inject
    SessionStore sessions;
    @Inject
    LocalActors localActors;
    @Inject
    Transactions transactions;
    @Inject
    PolyprotoConfig config;

    @Transactional
    public List<DiscoverableService> add(FederationId fid, DiscoverableService service) {
        List<DiscoverableService> listed = listedUnderLock(fid);
        if (listed.size() >= config.protocol().servicesPerActor()) {
            throw new PolyprotoException(ErrorCode.BAD_REQUEST, "An actor lists at most "
                    + config.protocol().servicesPerActor() + " services.");
        }
        Optional<DiscoverableService> primary = primaryOf(listed, service.name());
        DiscoverableService added = service.withPrimary(service.primary() || primary.isEmpty());
        if (!store.add(fid, added)) {
            throw new PolyprotoException(ErrorCode.DUPLICATE, "The actor lists this service at this URL already.");
        }
        List<DiscoverableService> changed = new ArrayList<>(List.of(added));
        if (added.primary()) {
            primary.ifPresent(old -> changed.add(demote(fid, old)));
        }
        return changed;
    }

    @Transactional
    public Deleted delete(FederationId fid, String name, String url) {
        List<DiscoverableService> listed = listedUnderLock(fid);
        DiscoverableService deleted = find(listed, name, url);
        store.remove(fid, name, url);
        Optional<DiscoverableService> promoted = Optional.empty();
        if (deleted.primary()) {
            promoted = listed.stream().filter(s -> s.name().equals(name) && !s.is(name, url)).findFirst()
                    .map(next -> promote(fid, next));
        }
        return new Deleted(deleted, promoted);
    }

    @Transactional
    public List<DiscoverableService> makePrimary(FederationId fid, String name, String url) {
        List<DiscoverableService> listed = listedUnderLock(fid);
        DiscoverableService chosen = find(listed, name, url);
        if (chosen.primary()) {
            return List.of(chosen);
        }
        List<DiscoverableService> changed = new ArrayList<>(List.of(promote(fid, chosen)));
        primaryOf(listed, name).ifPresent(old -> changed.add(demote(fid, old)));
        return changed;
    }

    /**
     * The services of an actor of this server, primary first per name; {@code limit} entries per name at most (1
     * gives the primary of each), of one name only if {@code name} is given.
     */
    public List<DiscoverableService> discover(FederationId fid, Optional<String> name, OptionalInt limit) {
        localActors.requireRegistered(fid);
        Map<String, List<DiscoverableService>> byName = new LinkedHashMap<>();
        transactions.call(() -> store.find(fid)).stream().filter(s -> name.isEmpty() || s.name().equals(name.get()))
                .forEach(s -> byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s));
        return byName.values().stream()
                .flatMap(entries -> entries.stream().limit(limit.orElse(Integer.MAX_VALUE))).toList();
    }

    private List<DiscoverableService> listedUnderLock(FederationId fid) {
        localActors.requireLocal(fid, "list services");
        sessions.lockActor(fid);
        return store.find(fid);
    }

    private DiscoverableService promote(FederationId fid, DiscoverableService service) {
        store.setPrimary(fid, service.name(), service.url(), true);
        return service.withPrimary(true);
    }

    private DiscoverableService demote(FederationId fid, DiscoverableService service) {
        store.setPrimary(fid, service.name(), service.url(), false);
        return service.withPrimary(false);
    }

    private static Optional<DiscoverableService> primaryOf(List<DiscoverableService> listed, String name) {
        return listed.stream().filter(s -> s.name().equals(name) && s.primary()).findFirst();
    }

    private static DiscoverableService find(List<DiscoverableService> listed, String name, String url) {
        return listed.stream().filter(s -> s.is(name, url)).findFirst().orElseThrow(() ->
                new PolyprotoException(ErrorCode.NOT_FOUND, "The actor lists no such service at this URL."));
    }
}
