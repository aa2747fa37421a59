package io.kadi.kit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sensitive operation (key management, PAN reveal, bulk issuance): counted against the client's sensitive rate
 * limit (5 a minute by default) instead of its reads or writes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Sensitive {}
