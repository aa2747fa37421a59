/** API authentication and authorization every Kadi REST API shares: signed requests, keys, scopes, and the access log. */
package io.kadi.kit.security;
