package org.polyproto.jakarta.internal.defaults;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.OptionalLong;

/**
 * The token buckets of one route class: at most {@code maxKeys}, in least-recently-used order. A bucket that has
 * refilled to its burst is the same as a new one, so it may be dropped; one that has not is never dropped, since
 * that would hand its client a fresh allowance. When every tracked bucket is still refilling, a request with a new
 * key is refused until one is full again (at most {@code burst / per-minute} minutes), while the tracked keys keep
 * their exact allowance. One lock per table; each call is O(1) amortised, plus a full sweep at most once a second.
 */
final class BucketTable {

    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;
    /**
     * How far short of a whole token (or of a full bucket) floating-point drift may leave a bucket that has waited
     * exactly as long as it was told: waiting the Retry-After answered must be enough.
     */
    private static final double DRIFT = 1e-9;

    private final int burst;
    private final double perNano;
    private final int maxKeys;
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);
    private long lastSweep;
    private boolean swept;

    BucketTable(int burst, int perMinute, int maxKeys) {
        this.burst = burst;
        this.perNano = perMinute / 60e9;
        this.maxKeys = maxKeys;
    }

    /** Takes one token of {@code key}; empty if granted, else the whole seconds to wait. */
    synchronized OptionalLong take(String key, long now) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            dropFullEldest(now);
            if (buckets.size() >= maxKeys) {
                sweep(now);
            }
            if (buckets.size() >= maxKeys) {
                Bucket eldest = buckets.values().iterator().next();
                return OptionalLong.of(seconds((burst - DRIFT - eldest.tokensAt(now)) / perNano));
            }
            bucket = new Bucket(burst, now);
            buckets.put(key, bucket);
        }
        return bucket.take(now);
    }

    synchronized int size() {
        return buckets.size();
    }

    /** Drops full buckets from the least recently used end, up to the first that is still refilling. */
    private void dropFullEldest(long now) {
        Iterator<Bucket> it = buckets.values().iterator();
        while (it.hasNext() && it.next().isFull(now)) {
            it.remove();
        }
    }

    /** Drops every full bucket, at most once a second, since it looks at all of them. */
    private void sweep(long now) {
        if (swept && now - lastSweep < SWEEP_INTERVAL_NANOS) {
            return;
        }
        swept = true;
        lastSweep = now;
        buckets.values().removeIf(b -> b.isFull(now));
    }

    private static long seconds(double nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        double tokensAt(long now) {
            return Math.min(burst, tokens + (now - updated) * perNano);
        }

        boolean isFull(long now) {
            return tokensAt(now) >= burst - DRIFT;
        }

        OptionalLong take(long now) {
            tokens = tokensAt(now);
            updated = now;
            if (tokens >= 1 - DRIFT) {
                tokens = Math.max(0, tokens - 1);
                return OptionalLong.empty();
            }
            return OptionalLong.of(seconds((1 - DRIFT - tokens) / perNano));
        }
    }
}
