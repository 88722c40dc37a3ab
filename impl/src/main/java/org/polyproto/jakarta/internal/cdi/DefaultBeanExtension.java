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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.polyproto.jakarta.spi.ActorDirectory;
import org.polyproto.jakarta.spi.ActorRegistration;
import org.polyproto.jakarta.spi.CredentialVerifier;
import org.polyproto.jakarta.spi.ServerKeyCustody;
import org.polyproto.jakarta.spi.storage.ChallengeStore;
import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.storage.IssuedChallengeUse;
import org.polyproto.jakarta.spi.storage.IssuedIdCertLookup;
import org.polyproto.jakarta.internal.log.ModuleLog;

/**
 * Keeps the module's default beans out of the way of the application's own: every type the application contributes
 * (classes, producer methods and fields) is looked at first, and a default whose SPI the application implements is
 * vetoed before it becomes a bean. Alternatives with {@code @Priority} are left to CDI, which prefers them anyway;
 * alternatives without it are not enabled and change nothing.
 * <p>
 * An SPI is any interface of {@code org.polyproto.jakarta.spi} or {@code org.polyproto.jakarta.spi.storage}; a
 * default is a class of the module's own jars ({@code org.polyproto.jakarta.internal.*},
 * {@code org.polyproto.jakarta.persistence.*}) that implements one. No list to keep and no marker annotation.
 */
public class DefaultBeanExtension implements Extension {

    private static final Set<String> SPI_PACKAGES = Set.of("org.polyproto.jakarta.spi",
            "org.polyproto.jakarta.spi.storage");
    /**
     * Defaults that read what other defaults keep, and step aside with any of them: the default registration and
     * credential verifier work on the module's own actor table, so an application that brings its own directory gets
     * neither, only what it implements itself; the joined lookup of an issued ID-Cert reads the default ID-Cert
     * store's and server-key custody's tables, and the challenge use made on it writes the challenge store's too.
     */
    private static final Map<Class<?>, Set<Class<?>>> STEPS_ASIDE_WITH = Map.of(
            ActorRegistration.class, Set.of(ActorDirectory.class),
            CredentialVerifier.class, Set.of(ActorDirectory.class),
            IssuedIdCertLookup.class, Set.of(IdCertStore.class, ServerKeyCustody.class),
            IssuedChallengeUse.class, Set.of(ChallengeStore.class, IdCertStore.class, ServerKeyCustody.class));
    private static final List<String> MODULE_PACKAGES = List.of("org.polyproto.jakarta.internal.",
            "org.polyproto.jakarta.persistence.");

    private final Set<Class<?>> providedByApplication = ConcurrentHashMap.newKeySet();
    /**
     * SPIs of the application's enabled alternatives ({@code @Alternative @Priority}): CDI prefers them to a default,
     * which stays a bean; the defaults that read what such a default keeps step aside all the same.
     */
    private final Set<Class<?>> preferredByApplication = ConcurrentHashMap.newKeySet();

    <T> void collectApplicationBeans(@Observes ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        Class<T> javaClass = type.getJavaClass();
        if (isModuleDefault(javaClass) || javaClass.isInterface()) {
            return;
        }
        if (!Modifier.isAbstract(javaClass.getModifiers())) {
            collect(type, spisOf(javaClass));
        }
        Stream.concat(type.getMethods().stream(), type.getFields().stream())
                .filter(member -> member.isAnnotationPresent(Produces.class))
                .forEach(member -> collect(member, spisOf(rawType(member))));
    }

    private void collect(Annotated bean, List<Class<?>> spis) {
        if (countsAsProvider(bean)) {
            providedByApplication.addAll(spis);
        } else if (bean.isAnnotationPresent(Alternative.class) && bean.isAnnotationPresent(Priority.class)) {
            preferredByApplication.addAll(spis);
        }
    }

    <T> void vetoReplacedDefaults(@Observes ProcessBeanAttributes<T> event) {
        Annotated annotated = event.getAnnotated();
        if (!(annotated instanceof AnnotatedType<?> type) || !isModuleDefault(type.getJavaClass())) {
            return;
        }
        List<Class<?>> replacedBy = spisOf(type.getJavaClass()).stream()
                .flatMap(spi -> replacedBy(spi, providedByApplication, preferredByApplication).stream())
                .distinct().toList();
        if (!replacedBy.isEmpty()) {
            ModuleLog.defaultStepsAside(String.valueOf(replacedBy), type.getJavaClass().getName());
            event.veto();
        }
    }

    /** Plain beans count; alternatives are CDI's business (enabled with @Priority, else inactive). */
    private static boolean countsAsProvider(Annotated annotated) {
        return !annotated.isAnnotationPresent(Alternative.class) && !annotated.isAnnotationPresent(Priority.class);
    }

    /**
     * Whether the module's default for {@code spi} steps aside, given the SPIs the application provides as plain
     * beans and as enabled alternatives: its own SPI provided as a plain bean, or any SPI it steps aside with.
     */
    static boolean isReplaced(Class<?> spi, Set<Class<?>> provided, Set<Class<?>> preferred) {
        return !replacedBy(spi, provided, preferred).isEmpty();
    }

    /** The application's SPIs that make the default for {@code spi} step aside (see {@link #isReplaced}). */
    static List<Class<?>> replacedBy(Class<?> spi, Set<Class<?>> provided, Set<Class<?>> preferred) {
        if (provided.contains(spi)) {
            return List.of(spi);
        }
        return STEPS_ASIDE_WITH.getOrDefault(spi, Set.of()).stream()
                .filter(other -> provided.contains(other) || preferred.contains(other)).toList();
    }

    static boolean isModuleDefault(Class<?> candidate) {
        String name = candidate.getName();
        return MODULE_PACKAGES.stream().anyMatch(name::startsWith) && !spisOf(candidate).isEmpty();
    }

    /** The SPI interfaces {@code candidate} implements, directly or through its superclasses and interfaces. */
    static List<Class<?>> spisOf(Class<?> candidate) {
        Set<Class<?>> found = new java.util.LinkedHashSet<>();
        java.util.Deque<Class<?>> pending = new java.util.ArrayDeque<>();
        pending.push(candidate);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isInterface() && SPI_PACKAGES.contains(type.getPackageName())) {
                found.add(type);
            }
            if (type.getSuperclass() != null) {
                pending.push(type.getSuperclass());
            }
            for (Class<?> implemented : type.getInterfaces()) {
                pending.push(implemented);
            }
        }
        return List.copyOf(found);
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
