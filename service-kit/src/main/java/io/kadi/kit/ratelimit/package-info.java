/** Per-client API rate limits by class of request, kept in PostgreSQL so that all instances of a service share them. */
package io.kadi.kit.ratelimit;
