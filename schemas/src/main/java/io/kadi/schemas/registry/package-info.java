/**
 * Schema-registry clients: one that speaks the Confluent Schema Registry REST API, an in-memory one selected by
 * {@code mock://<scope>} URLs, and a small HTTP server that exposes an in-memory registry through the same API.
 */
package io.kadi.schemas.registry;
