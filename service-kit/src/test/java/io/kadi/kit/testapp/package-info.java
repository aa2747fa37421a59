/** A minimal service built on the kit, for the kit's own integration tests. */
package io.kadi.kit.testapp;
