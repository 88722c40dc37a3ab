package org.polyproto.jakarta.persistence.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A store method that only reads: {@link StorageOperationInterceptor} does not flush after it, since it leaves
 * nothing to write. A method without it is flushed, so a writer that lacks the mark costs a flush, never a late
 * failure.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ReadOnly {
}
