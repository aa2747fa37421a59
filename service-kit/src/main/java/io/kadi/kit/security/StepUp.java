package io.kadi.kit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A privileged operation: besides its scope, it needs the client's current TOTP code in {@code Kadi-TOTP}, or a code
 * accepted from the same key within the step-up window ({@code kadi.api.security.step-up-window}, 5 minutes).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StepUp {

  /**
   * Whether a client with no TOTP yet may go ahead without one: true only for enrolling the first one, which could
   * not be done otherwise.
   */
  boolean unlessNotEnrolled() default false;
}
