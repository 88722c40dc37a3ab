package org.polyproto.jakarta.internal.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedMember;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.polyproto.jakarta.spi.ActorStore;
import org.polyproto.jakarta.spi.AdministratorPolicy;
import org.polyproto.jakarta.spi.storage.ChallengeStore;
import org.polyproto.jakarta.spi.ClientAddressResolver;
import org.polyproto.jakarta.spi.ConfigurationSource;
import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.HomeServerResolver;
import org.polyproto.jakarta.spi.IdentifyHandler;
import org.polyproto.jakarta.spi.storage.KeyPackageStore;
import org.polyproto.jakarta.spi.PolyprotoDefault;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.spi.RegistrationHandler;
import org.polyproto.jakarta.spi.ServerKeyCustody;
import org.polyproto.jakarta.spi.storage.SessionStore;

/**
 * Keeps the module's {@link PolyprotoDefault} beans out of the way of the application's own: every type the
 * application contributes (classes, producer methods and fields) is looked at first, and a default whose SPI the
 * application implements is vetoed before it becomes a bean. Alternatives with {@code @Priority} are left to CDI,
 * which prefers them anyway; alternatives without it are not enabled and change nothing.
 */
public class DefaultBeanExtension implements Extension {

    static final List<Class<?>> SPIS = List.of(ActorStore.class, IdCertStore.class, ChallengeStore.class,
            SessionStore.class, ServerKeyCustody.class, AdministratorPolicy.class, ConfigurationSource.class,
            RegistrationHandler.class, IdentifyHandler.class, KeyPackageStore.class, EventQueue.class, HomeServerResolver.class,
            RateLimiter.class, ClientAddressResolver.class);

    private static final Logger LOG = Logger.getLogger(DefaultBeanExtension.class.getName());

    private final Set<Class<?>> providedByApplication = ConcurrentHashMap.newKeySet();

    <T> void collectApplicationBeans(@Observes ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        Class<T> javaClass = type.getJavaClass();
        if (type.isAnnotationPresent(PolyprotoDefault.class) || javaClass.isInterface()) {
            return;
        }
        if (!Modifier.isAbstract(javaClass.getModifiers()) && countsAsProvider(type)) {
            providedByApplication.addAll(spisOf(javaClass));
        }
        Stream.concat(type.getMethods().stream(), type.getFields().stream())
                .filter(member -> member.isAnnotationPresent(Produces.class) && countsAsProvider(member))
                .forEach(member -> providedByApplication.addAll(spisOf(rawType(member))));
    }

    <T> void vetoReplacedDefaults(@Observes ProcessBeanAttributes<T> event) {
        Annotated annotated = event.getAnnotated();
        if (!(annotated instanceof AnnotatedType<?> type) || !type.isAnnotationPresent(PolyprotoDefault.class)) {
            return;
        }
        List<Class<?>> replaced = spisOf(type.getJavaClass()).stream().filter(providedByApplication::contains).toList();
        if (!replaced.isEmpty()) {
            LOG.info(() -> "polyproto: the application provides " + replaced + "; default "
                    + type.getJavaClass().getName() + " is not used");
            event.veto();
        }
    }

    /** Plain beans count; alternatives are CDI's business (enabled with @Priority, else inactive). */
    private static boolean countsAsProvider(Annotated annotated) {
        return !annotated.isAnnotationPresent(Alternative.class) && !annotated.isAnnotationPresent(Priority.class);
    }

    private static List<Class<?>> spisOf(Class<?> candidate) {
        return SPIS.stream().filter(spi -> spi.isAssignableFrom(candidate)).toList();
    }

    private static Class<?> rawType(AnnotatedMember<?> member) {
        Type type = member.getBaseType();
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
