package org.polyproto.jakarta.internal.rest;

import jakarta.interceptor.InterceptorBinding;
import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the module's resources. As a JAX-RS name binding it scopes the module's filters to them; as a CDI
 * interceptor binding it puts {@link FailureTranslation} around them. Nothing of the host carries it.
 */
@NameBinding
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PolyprotoEndpoint {
}
