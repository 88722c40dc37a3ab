/**
 * The module's own state: challenges, sessions, issued ID-Certs, KeyPackages and event queues. The module ships JPA
 * implementations (the {@code persistence} jar); a host may replace any of them, and proves its implementation with
 * the contract kit (the {@code api} test-jar).
 * <p>
 * <b>The storage contract.</b>
 * <ul>
 *   <li><b>Transactions.</b> The module's services begin every transaction; a store never begins, commits or rolls
 *       back one. Every call happens inside the caller's transaction (a JTA transaction on a Jakarta EE server), and
 *       a store joins it. Several calls in one transaction see each other's writes.</li>
 *   <li><b>Atomicity.</b> Each method documents what it does atomically ({@code consume}, {@code claim},
 *       {@code drain}, {@code open}). Atomic means: correct under any number of concurrent callers on any number of
 *       nodes sharing the store, with no lock held by the caller and no check-then-act across calls.</li>
 *   <li><b>Failures.</b> A store reports a lost race as {@link org.polyproto.jakarta.spi.storage.StorageConflictException}
 *       and a store that cannot serve as {@link org.polyproto.jakarta.spi.storage.StorageUnavailableException}.
 *       Anything else is a defect and answers 500 with an incident id. A store never throws the module's
 *       {@code PolyprotoException}.</li>
 *   <li><b>No network I/O to other polyproto servers</b> happens inside these transactions; the module does its
 *       federation fetches before it begins one. A store's own database round trips are expected to be short.</li>
 *   <li><b>Time</b> is passed in ({@code now}, {@code at}); stores do not read the clock for decisions.</li>
 *   <li><b>Threading.</b> Implementations are application-wide singletons called concurrently.</li>
 * </ul>
 *
 * @since 0.2
 */
@Incubating
package org.polyproto.jakarta.spi.storage;

import org.polyproto.jakarta.api.Incubating;
