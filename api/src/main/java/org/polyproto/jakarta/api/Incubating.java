package org.polyproto.jakarta.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type or package that may still change incompatibly in a minor release, as Hibernate Validator marks its
 * incubating contracts. Implement it knowing that a later version may add or change methods; run the contract kit
 * again after every upgrade.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE, ElementType.METHOD})
public @interface Incubating {
}
