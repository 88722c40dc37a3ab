package org.polyproto.jakarta.internal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.polyproto.jakarta.spi.RouteClass;

/** The rate limit a resource method falls under; read by {@link RateLimitBinding}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    RouteClass value();
}
