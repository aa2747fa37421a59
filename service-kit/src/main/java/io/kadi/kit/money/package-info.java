/** Money as minor units of an ISO 4217 currency, with each currency's own exponent. Plain Java, no framework. */
package io.kadi.kit.money;
