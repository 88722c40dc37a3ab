/**
 * The service provider interfaces through which a host extends the module: storage, auth payloads,
 * administrator policy, server-key custody, configuration, rate limiting and client addresses.
 * <p>
 * <b>Replacing a default.</b> The module ships a default for every SPI. A host replaces it by declaring a CDI bean
 * that implements the interface (any bean-defining scope, in the host WAR); the module then does not register its
 * default. A host may instead declare its bean {@code @Alternative @Priority(Interceptor.Priority.APPLICATION)},
 * which CDI prefers over the default.
 * <p>
 * <b>Threading.</b> Implementations are application-wide singletons called concurrently from request threads;
 * they must be thread-safe. Storage implementations join the caller's JTA transaction where one is active.
 *
 * @since 0.1
 */
package org.polyproto.jakarta.spi;
