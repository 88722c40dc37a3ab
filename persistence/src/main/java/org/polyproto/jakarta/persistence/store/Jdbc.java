package org.polyproto.jakarta.persistence.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A store method that runs on {@link UnitSql} alone and never touches the EntityManager:
 * {@link StorageOperationInterceptor} does not flush after it, which would open a persistence context for nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Jdbc {
}
