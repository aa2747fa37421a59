/** The API over HTTPS, TLS 1.2 and 1.3 only, when a service is given a certificate: see docs/operations.md#tls. */
package io.kadi.kit.tls;
