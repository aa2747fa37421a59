/**
 * Sandbox failure simulation: documented values that make card-service's real checks fail in sandbox mode, so that
 * integrators can test their failure paths before going live (docs/api.md#sandbox-failure-simulation).
 */
package io.kadi.card.sandbox;
