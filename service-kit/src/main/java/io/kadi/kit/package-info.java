/** What every Kadi service shares, as Spring Boot auto-configuration. */
package io.kadi.kit;
