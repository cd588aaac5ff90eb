package org.nnlab.engine.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name of a layer kind in JSON and in the builder, e.g. {@code @Kind("dense")}: stated once, on the
 * spec record, and read by {@link LayerSpec#kind()} and {@link LayerKind#name()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Kind {
    String value();
}
