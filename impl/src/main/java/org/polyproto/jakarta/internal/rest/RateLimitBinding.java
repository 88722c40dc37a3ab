package org.polyproto.jakarta.internal.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.ClientAddressResolver;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.spi.RouteClass;
import org.polyproto.jakarta.internal.log.SecurityLog;
import org.polyproto.jakarta.internal.service.ModuleMetrics;

/**
 * Puts a rate-limit filter on exactly the module's {@link RateLimited} methods. The filter runs first, before the
 * body is read, so a refused request costs no parsing, hashing or signature check. The client is counted under
 * the key the {@link ClientAddressResolver} gives.
 */
public class RateLimitBinding implements DynamicFeature {

    private final RateLimiter limiter;
    private final ClientAddressResolver resolver;
    private final ModuleMetrics metrics;
    private final FailureAnswers failures;

    public RateLimitBinding(RateLimiter limiter, ClientAddressResolver resolver, ModuleMetrics metrics,
                            FailureAnswers failures) {
        this.metrics = metrics;
        this.failures = failures;
        this.limiter = limiter;
        this.resolver = resolver;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RateLimited limited = resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited != null && resource.getResourceClass().getPackage() == RateLimitBinding.class.getPackage()) {
            context.register(new Filter(limiter, resolver, limited.value(), metrics, failures));
        }
    }

    @Priority(Priorities.AUTHENTICATION - 200)
    static final class Filter implements ContainerRequestFilter {
        private final RateLimiter limiter;
        private final ClientAddressResolver resolver;
        private final RouteClass routeClass;
        private final ModuleMetrics metrics;
        private final FailureAnswers failures;

        @Context
        HttpServletRequest servletRequest;

        Filter(RateLimiter limiter, ClientAddressResolver resolver, RouteClass routeClass, ModuleMetrics metrics,
               FailureAnswers failures) {
            this.metrics = metrics;
            this.failures = failures;
            this.limiter = limiter;
            this.resolver = resolver;
            this.routeClass = routeClass;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            try {
                String client = ClientAddresses.of(resolver, servletRequest);
                limiter.acquire(routeClass, client).ifPresent(seconds -> {
                    SecurityLog.rateLimited(routeClass.name(), client);
                    metrics.rateLimited(routeClass);
                    request.abortWith(new PolyprotoExceptionMapper().toResponse(PolyprotoException.retryAfter(
                            ErrorCode.RATE_LIMITED, "Too many requests; retry later.", Math.max(1, seconds), null)));
                });
            } catch (RuntimeException e) {
                failures.abort(request, e);
            }
        }
    }
}
