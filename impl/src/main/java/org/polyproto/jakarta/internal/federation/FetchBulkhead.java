package org.polyproto.jakarta.internal.federation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many fetches from other home servers may be under way at once, in total and per domain. A caller that finds
 * no room is refused at once instead of waiting, so a home server that never answers holds at most its share of
 * threads and never a database connection. The per-domain counters exist only while a fetch is under way.
 */
final class FetchBulkhead {

    private final Semaphore total;
    private final int perDomain;
    private final ConcurrentHashMap<String, Integer> active = new ConcurrentHashMap<>();

    FetchBulkhead(int total, int perDomain) {
        this.total = new Semaphore(total);
        this.perDomain = perDomain;
    }

    /** Takes a place for one fetch from {@code domain}; false when the domain or the whole server is at its limit. */
    boolean tryEnter(String domain) {
        if (!total.tryAcquire()) {
            return false;
        }
        boolean[] entered = {false};
        active.compute(domain, (d, n) -> {
            int count = n == null ? 0 : n;
            if (count >= perDomain) {
                return n;
            }
            entered[0] = true;
            return count + 1;
        });
        if (!entered[0]) {
            total.release();
        }
        return entered[0];
    }

    void exit(String domain) {
        active.computeIfPresent(domain, (d, n) -> n <= 1 ? null : n - 1);
        total.release();
    }

    int domainsUnderWay() {
        return active.size();
    }
}
