package org.polyproto.jakarta.jaxrs;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.rest.ActorKeyResource;
import org.polyproto.jakarta.internal.rest.BodyLimitFilter;
import org.polyproto.jakarta.internal.rest.ChallengeResource;
import org.polyproto.jakarta.internal.rest.ContainerRefusalMapper;
import org.polyproto.jakarta.internal.rest.CoreV1ChallengeResource;
import org.polyproto.jakarta.internal.rest.CoreV1IdCertResource;
import org.polyproto.jakarta.internal.rest.CoreV1ServerKeyResource;
import org.polyproto.jakarta.internal.rest.AuthResource;
import org.polyproto.jakarta.internal.rest.CoreV1KeyMaterialResource;
import org.polyproto.jakarta.internal.rest.CoreV1KeyTrialResource;
import org.polyproto.jakarta.internal.rest.MlsV1KeyPackageResource;
import org.polyproto.jakarta.internal.rest.CoreV1ServicesResource;
import org.polyproto.jakarta.internal.rest.CoreV1SessionResource;
import org.polyproto.jakarta.internal.rest.EventResource;
import org.polyproto.jakarta.internal.rest.FailureAnswers;
import org.polyproto.jakarta.internal.rest.KeyPackageResource;
import org.polyproto.jakarta.internal.rest.LastResortKeyPackageResource;
import org.polyproto.jakarta.internal.rest.MediaHeaderFilter;
import org.polyproto.jakarta.internal.rest.PolyprotoExceptionMapper;
import org.polyproto.jakarta.internal.rest.RateLimitBinding;
import org.polyproto.jakarta.internal.rest.RegistrationResource;
import org.polyproto.jakarta.internal.rest.ServerKeyResource;
import org.polyproto.jakarta.internal.rest.SessionResource;
import org.polyproto.jakarta.internal.rest.TokenFilter;
import org.polyproto.jakarta.internal.rest.WellKnownResource;
import org.polyproto.jakarta.internal.service.Sessions;
import org.polyproto.jakarta.spi.ClientAddressResolver;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.internal.service.ModuleMetrics;

/**
 * The module's JAX-RS wiring: the rate-limit, body-size and token filters, all bound to the module's own resources
 * only, the mapper of the module's own exception type, and the envelope for the runtime's refusals (unknown route,
 * wrong method or media type) under the module's paths only. Nothing here touches the host's resources.
 * <p>
 * A host whose {@code Application} is scanned (empty {@code getClasses()}) needs to do nothing: the resources
 * under {@code p2core/}, {@code .p2/} and {@code .well-known/} and this feature are found in the jar. A host that lists its classes adds
 * {@link #CLASSES}:
 * <pre>{@code
 * public Set<Class<?>> getClasses() {
 *     Set<Class<?>> classes = new HashSet<>(PolyprotoFeature.CLASSES);
 *     classes.add(MyResource.class);
 *     return classes;
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Provider
public class PolyprotoFeature implements Feature {

    /** This feature and the module's resource classes, for hosts whose {@code Application} lists its classes. */
    public static final Set<Class<?>> CLASSES = Set.of(PolyprotoFeature.class, RegistrationResource.class,
            ChallengeResource.class, SessionResource.class, ServerKeyResource.class, ActorKeyResource.class,
            KeyPackageResource.class, LastResortKeyPackageResource.class, EventResource.class,
            WellKnownResource.class, CoreV1ChallengeResource.class, CoreV1IdCertResource.class,
            CoreV1ServerKeyResource.class, CoreV1SessionResource.class, CoreV1KeyMaterialResource.class,
            CoreV1ServicesResource.class, CoreV1KeyTrialResource.class, AuthResource.class,
            MlsV1KeyPackageResource.class);

    @Override
    public boolean configure(FeatureContext context) {
        CDI<Object> cdi = CDI.current();
        ModuleMetrics metrics = cdi.select(ModuleMetrics.class).get();
        FailureAnswers failures = cdi.select(FailureAnswers.class).get();
        context.register(new BodyLimitFilter(cdi.select(PolyprotoConfig.class).get().requests().maxBodySize(),
                failures));
        context.register(new TokenFilter(cdi.select(Sessions.class).get(), failures));
        context.register(new PolyprotoExceptionMapper());
        context.register(ContainerRefusalMapper.class, Priorities.USER + 1000);
        context.register(new MediaHeaderFilter());
        context.register(new RateLimitBinding(cdi.select(RateLimiter.class).get(),
                cdi.select(ClientAddressResolver.class).get(), metrics, failures));
        return true;
    }
}
