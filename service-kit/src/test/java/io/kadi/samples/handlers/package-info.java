/**
 * Handlers for the tests of {@link io.kadi.kit.testing.ApiRules}: outside {@code io.kadi.kit}, where the rules apply,
 * and not in the test-jar. They are plain classes, so that no Spring application picks them up.
 */
package io.kadi.samples.handlers;
