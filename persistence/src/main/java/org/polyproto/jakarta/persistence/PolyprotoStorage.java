package org.polyproto.jakarta.persistence;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the JPA {@code EntityManager} the module's default stores use. With the persistence jar as it is, the
 * module produces it from its own persistence unit {@code polyproto}. A host that wants its persistence unit to stay
 * the only one in the WAR (so that its unqualified {@code @PersistenceContext} keeps working) takes the
 * {@code entities} variant of the persistence jar, which has no persistence unit, lists the module's entity classes
 * in its own unit, and produces the EntityManager itself:
 * <pre>{@code
 * @PersistenceContext EntityManager em;
 * @Produces @PolyprotoStorage EntityManager polyprotoStorage() { return em; }
 * }</pre>
 *
 * @since 0.1
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface PolyprotoStorage {
}
