package io.kadi.kit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API operation needs ({@link Scopes}). Every handler method carries one: a handler without it is
 * refused to everyone, so a forgotten annotation closes an endpoint rather than opening it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {

  String value();
}
