package org.polyproto.jakarta.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks one of the module's own SPI implementations. The module's CDI extension removes such a bean when the
 * application declares another bean for the same SPI interface. Hosts do not use this annotation.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PolyprotoDefault {
}
