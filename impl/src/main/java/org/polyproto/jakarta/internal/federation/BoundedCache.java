package org.polyproto.jakarta.internal.federation;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A cache of what other home servers answered, bounded in entries and in bytes: the least recently used entries go
 * first, and expired entries are dropped when they are read and, a few at a time, whenever something is added.
 * Keys are chosen by remote clients, so nothing in here may grow without bound. Thread-safe (one lock; every
 * operation is O(1) amortised).
 */
final class BoundedCache<K, V> {

    /** What an entry costs besides its value's weight: the map node, the key and the entry record. */
    static final long ENTRY_OVERHEAD = 160;
    private static final int EXPIRED_SWEEP = 8;

    private final int maxEntries;
    private final long maxBytes;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    BoundedCache(int maxEntries, long maxBytes, ToLongFunction<V> weigher) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.weigher = weigher;
    }

    synchronized Optional<Entry<V>> get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.expiresAt())) {
            remove(key);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    synchronized void put(K key, V value, Instant fetchedAt, Instant expiresAt) {
        long weight = weigher.applyAsLong(value) + ENTRY_OVERHEAD;
        remove(key);
        if (weight > maxBytes) {
            return;
        }
        entries.put(key, new Entry<>(value, fetchedAt, expiresAt, weight));
        bytes += weight;
        sweep(fetchedAt);
    }

    synchronized void remove(K key) {
        Entry<V> old = entries.remove(key);
        if (old != null) {
            bytes -= old.weight();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    private void sweep(Instant now) {
        Iterator<Map.Entry<K, Entry<V>>> eldest = entries.entrySet().iterator();
        int looked = 0;
        while (eldest.hasNext()) {
            Entry<V> entry = eldest.next().getValue();
            boolean over = entries.size() > maxEntries || bytes > maxBytes;
            if (!over && (looked++ >= EXPIRED_SWEEP || now.isBefore(entry.expiresAt()))) {
                return;
            }
            eldest.remove();
            bytes -= entry.weight();
        }
    }

    /** A cached value, when it was fetched and until when it may be used. */
    record Entry<V>(V value, Instant fetchedAt, Instant expiresAt, long weight) {
    }
}
